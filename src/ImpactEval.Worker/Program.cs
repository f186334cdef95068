using ImpactEval.Worker.Api;
using ImpactEval.Worker.Extensions;
using ImpactEval.Worker.Health;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.MapHealthEndpoint();
app.MapJobsApi();
app.MapProtocolsApi();
app.Run();
