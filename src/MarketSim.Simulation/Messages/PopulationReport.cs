namespace MarketSim.Simulation.Messages;

/// <summary>
/// Population cohort -> its clearinghouse: what one role drew for units [Offset, Offset + Count), in
/// ONE message for the whole cohort, unit-major (DrawsPerUnit values per unit).
/// </summary>
/// <remarks>
/// As <see cref="CohortReport"/>: the cohort lends its own buffer, valid until its next
/// <see cref="DrawUnits"/>, which comes only after the clearinghouse copied every report.
/// </remarks>
public sealed record PopulationReport(int Replication, int Role, int Offset, int Count, ReadOnlyMemory<double> Draws);
