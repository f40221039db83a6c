"""Development tools: evaluations and the benchmark. The running servers never import this package."""
