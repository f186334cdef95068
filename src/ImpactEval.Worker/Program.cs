using ImpactEval.Worker.Api;
using ImpactEval.Worker.Extensions;
using ImpactEval.Worker.Health;
using ImpactEval.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();
builder.AddWebApplication();

var app = builder.Build();
app.MapWebApplication();
app.MapHealthEndpoint();
app.MapJobsApi();
app.MapProtocolsApi();
app.Run();
