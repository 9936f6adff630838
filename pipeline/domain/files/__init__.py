"""Reading and checking the files publishers deliver: CBS table shapes, delimited record
files, file discovery per year, value and consistency rules, municipal divisions, and fetching
the public CBS tables."""
