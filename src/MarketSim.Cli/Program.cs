using MarketSim.Cli.Commands;

return await MarketSimCli.RunAsync(args);
