using ImpactEval.Worker.Extensions;
using ImpactEval.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();
builder.AddWebApplication();

var app = builder.Build();
app.MapWebApplication();
app.MapApplicationEndpoints();
app.Run();
