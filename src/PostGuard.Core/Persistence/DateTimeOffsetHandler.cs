using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PostGuard.Core.Persistence;

/// <summary>
/// Timestamps are stored in UTC: PostgreSQL as timestamptz, SQLite as ISO-8601 text that sorts
/// correctly as text. Reads accept either form.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        }
    }

    public static string ToSqliteText(DateTimeOffset value) => value.ToUniversalTime().ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToSqliteText(value);
        }
        else
        {
            parameter.Value = value.ToUniversalTime();
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}"),
    };
}
