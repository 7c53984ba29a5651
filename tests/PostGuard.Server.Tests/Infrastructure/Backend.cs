namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Which database and bus a test server runs on.</summary>
public sealed record Backend(string Name, IReadOnlyDictionary<string, string?> Settings)
{
    public static Backend SqliteInMemory() => new("sqlite+inmemory", new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Messaging:Transport"] = "InMemory",
    });

    /// <summary>A fresh database on the real PostgreSQL, and a fresh virtual host-free queue set on the real RabbitMQ.</summary>
    public static Backend PostgresRabbitMq(string databaseName)
    {
        var postgres = RealServices.Postgres ?? throw new InvalidOperationException(RealServices.MissingReason);
        var rabbit = RealServices.RabbitMq ?? throw new InvalidOperationException(RealServices.MissingReason);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        // Unpooled: a fault test may have restarted PostgreSQL, leaving pooled connections dead.
        using (var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString))
        {
            admin.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
            using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
            create.ExecuteNonQuery();
        }
        builder.Database = databaseName;
        return new Backend("postgres+rabbitmq", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = builder.ConnectionString,
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Uri"] = rabbit,
        });
    }
}
