-- Values of theme_nl a source file may use (data/reference/signal_themes.csv).
select theme_nl from reference.signal_themes order by 1
