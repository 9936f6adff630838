-- A committed reference CSV (data/reference/<name>.csv) read as the reference files load it:
-- comma-separated, a header row, double quotes, and the column names and types given (no type
-- guessing, so a value that does not fit fails the load). `column_types` is a struct of name:
-- type, in the file's order. Use: select * from reference_csv($path, {'code': 'VARCHAR'}).
create or replace temp macro reference_csv(path, column_types) as table (
    select *
    from
        read_csv(
            path,
            header = true,
            delim = ',',
            quote = '"',
            auto_detect = false,
            columns = column_types
        )
);
