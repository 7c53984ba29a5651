using System.Security.Cryptography;
using System.Text;

namespace PostGuard.Core.Schools;

/// <summary>
/// API tokens: 32 random bytes, shown once; only their SHA-256 is stored. (A fast hash is right
/// here: the token has 256 bits of entropy, unlike a password.)
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "pg_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
