"""Events: who did what to whom, where, when, with how many dead and wounded."""
