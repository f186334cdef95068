namespace ImpactEval.Collection.Import.Bulk;

/// <summary>One value ready to be written: store keys, the number, and the collection date (or none).</summary>
internal readonly record struct StagedObservation(int EnrolmentId, int WaveId, int IndicatorId, double Value, DateOnly? CollectedOn);
