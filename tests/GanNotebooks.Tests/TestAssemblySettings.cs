// TorchSharp's CPU random generator is global to the process: tests that seed it and build networks (determinism,
// equal initial weights, exact resume) would draw from each other's sequences if test classes ran in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
