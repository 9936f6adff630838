-- Reference table statutory_maxima from data/reference/statutory_maxima.csv: Dutch statutory
-- maximum prison terms per article, with their sources; represents_phenomenon marks the article
-- that stands for a phenomenon in the sentencing-based weight set.
create or replace table reference.statutory_maxima as
select *
from
    reference_csv(
        $path,
        {
            'offence_group': 'VARCHAR',
            'law': 'VARCHAR',
            'article': 'VARCHAR',
            'description_nl': 'VARCHAR',
            'max_years': 'DOUBLE',
            'represents_phenomenon': 'VARCHAR',
            'source': 'VARCHAR',
            'verified': 'BOOLEAN'
        }
    )
order by law, article;
