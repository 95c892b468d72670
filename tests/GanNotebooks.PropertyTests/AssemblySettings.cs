// One property at a time: each reads up to 1,000 corrupted files and measures its allocations, which other tests
// running at the same time would distort.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
