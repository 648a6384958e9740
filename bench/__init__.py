"""`make bench`: figures against references measured in the same run."""
