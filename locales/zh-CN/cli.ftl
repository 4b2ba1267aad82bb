# The command line: what `main` itself prints.

# Every error ends the run with this line on standard error.
error-line = 错误：{ $error }
