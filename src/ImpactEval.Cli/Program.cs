using ImpactEval.Cli;

return await CliApplication.RunAsync(args);
