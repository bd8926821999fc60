-- PLIP (Zplusdragon/PLIP @ 09890e33c52d): no data is shipped; the four README result tables are transcribed in long form
-- in paper_tables/readme_downstream_results.csv (table, task_metric_label, row_method, column, metric, value, unit).
-- Layout of the README tables: text Re-ID (CUHK-PEDES, ICFG-PEDES) rows = pre-training, columns = downstream method;
-- image Re-ID and attribute recognition rows = method ("PLIP+X" = X on PLIP pre-training), columns = dataset.

CREATE TABLE _csv AS
SELECT row_number() OVER ()::INTEGER AS csv_row, *
FROM read_csv('{{here}}/paper_tables/readme_downstream_results.csv', header = true, all_varchar = true,
              columns = {'table': 'VARCHAR', 'task_metric_label': 'VARCHAR', 'row_method': 'VARCHAR', 'column': 'VARCHAR', 'metric': 'VARCHAR', 'value': 'VARCHAR', 'unit': 'VARCHAR'});

CREATE TABLE downstream_results AS
SELECT csv_row AS result_id,
       "table" AS readme_table,
       CASE WHEN task_metric_label LIKE 'Text Re-ID%' THEN 'Text-based person Re-ID'
            WHEN task_metric_label LIKE 'Image Re-ID%' THEN 'Image-based person Re-ID'
            WHEN task_metric_label LIKE 'PAR%' THEN 'Pedestrian attribute recognition' END AS task,
       CASE WHEN task_metric_label LIKE 'Text Re-ID%' THEN regexp_replace("table", ' dataset$', '') ELSE "column" END AS dataset,
       CASE WHEN task_metric_label LIKE 'Text Re-ID%' THEN (CASE WHEN starts_with(row_method, 'PLIP') THEN 'PLIP' ELSE row_method END)
            WHEN starts_with(row_method, 'PLIP+') THEN 'PLIP' END AS pretraining,
       CASE WHEN task_metric_label LIKE 'Text Re-ID%' THEN "column"
            ELSE regexp_replace(row_method, '^PLIP\+', '') END AS method,
       starts_with(row_method, 'PLIP') AS uses_plip,
       metric,
       value::DOUBLE AS value,
       unit,
       row_method AS row_label,
       "column" AS column_label,
       'paper_tables/readme_downstream_results.csv row ' || csv_row AS source
FROM _csv
ORDER BY csv_row;

-- Every PLIP-based number next to the baseline(s) it is compared with in the same README table:
-- text Re-ID: the same downstream method on each other pre-training; image Re-ID / PAR: the same method without PLIP.
CREATE TABLE plip_gains AS
SELECT p.task, p.dataset, p.method, p.metric,
       coalesce(b.pretraining, '(as printed, no PLIP)') AS baseline,
       b.value AS baseline_value, p.value AS plip_value, round(p.value - b.value, 4) AS gain, p.unit,
       b.source || '; ' || p.source AS source
FROM downstream_results p
JOIN downstream_results b
  ON b.readme_table = p.readme_table AND b.dataset = p.dataset AND b.method = p.method AND b.metric = p.metric AND NOT b.uses_plip
WHERE p.uses_plip
ORDER BY p.task, p.dataset, p.method, p.metric, baseline;

-- Claims: the best PLIP-based number the README prints for each dataset and metric.
CREATE TABLE claims AS
SELECT 'README: best PLIP-based ' || task || ' result on ' || dataset || ', ' || metric || ' = ' || value || unit
         || ' (' || method || ' on PLIP pre-training)' AS claim,
       value, unit,
       'Zplusdragon/PLIP README.md @ 09890e33c52d, table "' || readme_table || '"; ' || source AS source
FROM (SELECT *, row_number() OVER (PARTITION BY task, dataset, metric ORDER BY value DESC, result_id) AS rk
      FROM downstream_results WHERE uses_plip)
WHERE rk = 1
ORDER BY result_id;
