using MarketSim.Cli.Commands;

return await MarketSimCli.RunProcessAsync(args);
