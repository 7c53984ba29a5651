using PostGuard.Server.Cli;

return await PostGuardProgram.RunAsync(args);

/// <summary>The entry point, public so the HTTP tests can host it (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
