using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("PostGuard.Vision.Tests")]
[assembly: InternalsVisibleTo("PostGuard.Benchmarks")]
