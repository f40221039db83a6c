"""Safety: red flags that must be answered before anything else."""
