-- check: 164 outcomes (DVs) in 19 sub-study files, with the per-file row counts SOURCES.md lists, one row per study × variable
WITH want(study_key, n) AS (VALUES ('accuracy_nudges', 16), ('affective_priming', 4), ('consumer_minimalism', 4), ('context_effects', 3),
  ('default_eric', 2), ('digital_certification', 2), ('hiring_algorithms', 40), ('idea_evaluation', 20), ('idea_generation', 3),
  ('infotainment', 18), ('junk_fees', 3), ('obedient_twins', 7), ('preference_redistribution', 6), ('privacy', 1),
  ('promiscuous_donors', 10), ('quantitative_intuition', 6), ('recommendation_algorithms', 10), ('story_beliefs', 8), ('targeting_fairness', 1))
SELECT coalesce(w.study_key, s.study_key) AS study_key, w.n AS want, s.n_outcomes AS got FROM want w FULL JOIN studies s USING (study_key)
WHERE w.n IS DISTINCT FROM s.n_outcomes
UNION ALL SELECT study || '/' || variable, NULL, count(*)::INTEGER FROM dv_results GROUP BY study, variable HAVING count(*) > 1
UNION ALL SELECT 'variable names not unique across studies', NULL, count(*)::INTEGER FROM dv_results GROUP BY variable HAVING count(*) > 1;

-- check: every outcome is a 'default persona' row and is listed in dv_variables_summary.csv, which lists exactly these 164 outcomes; the range is missing ('nan') exactly for the 3 outcomes without an accuracy (log_WTP, DAT_perf, SSPT)
SELECT study, variable, persona_specification FROM dv_results
WHERE persona_specification <> 'default persona' OR (dv_min IS NULL) <> (accuracy IS NULL) OR (dv_max IS NULL) <> (accuracy IS NULL) OR dv_max <= dv_min
UNION ALL SELECT d.study, d.variable, 'outcome without a row in dv_variables_summary.csv' FROM dv_results d ANTI JOIN _dv_ranges r USING (study, variable)
UNION ALL SELECT r.study, r.variable, 'range without outcome' FROM _dv_ranges r ANTI JOIN dv_results d USING (study, variable)
UNION ALL SELECT 'ranges', count(*)::VARCHAR, NULL FROM _dv_ranges HAVING count(*) <> 164;

-- check: per-outcome statistics are in range: correlation within its CI and [-1, 1], accuracy and p-values in [0, 1], positive SDs and samples (accuracy is missing for 3 outcomes in the release)
SELECT study, variable, correlation, ci_lower, ci_upper, accuracy FROM dv_results
WHERE correlation NOT BETWEEN -1 AND 1 OR correlation < ci_lower OR correlation > ci_upper
   OR accuracy NOT BETWEEN 0 AND 1 OR t_p_value NOT BETWEEN 0 AND 1 OR f_p_value NOT BETWEEN 0 AND 1
   OR std_human <= 0 OR std_twin < 0 OR sample_size <= 0 OR correlation IS NULL
UNION ALL SELECT 'missing accuracy', count(*)::VARCHAR, NULL, NULL, NULL, NULL FROM dv_results WHERE accuracy IS NULL HAVING count(*) <> 3;

-- check: the per-outcome 'default persona' files are the full_persona_without_reasoning specification: the mean and median of each of the six metrics over outcomes equal its rows in summary_by_persona_specification_{avg,median}.csv (to their 4 decimals) and its n_observations is the outcome count
WITH d AS (
  UNPIVOT (SELECT correlation, accuracy, t_stat, t_p_value, f_stat, f_p_value FROM dv_results) ON * INTO NAME metric VALUE value),
agg AS (SELECT metric, avg(value) AS mean, median(value) AS median, count(*) AS n FROM d GROUP BY metric)
SELECT s.aggregate, s.metric, s.value, a.mean, a.median FROM specification_summary s JOIN agg a USING (metric)
WHERE s.persona_specification = 'full_persona_without_reasoning'
  AND abs(s.value - CASE s.aggregate WHEN 'mean' THEN a.mean ELSE a.median END) > 0.00005 + 1e-9
UNION ALL SELECT 'n_observations', NULL, n_observations, (SELECT count(*) FROM dv_results), NULL FROM specification_summary
WHERE persona_specification = 'full_persona_without_reasoning' AND n_observations <> (SELECT count(*) FROM dv_results);

-- check: correlation_by_persona_and_study.csv for full_persona_without_reasoning is the mean correlation of each study's outcomes (to 4 decimals)
SELECT m.study, m.value, d.mean FROM study_metrics m
LEFT JOIN (SELECT study, avg(correlation) AS mean FROM dv_results GROUP BY study) d USING (study)
WHERE m.persona_specification = 'full_persona_without_reasoning' AND (d.mean IS NULL OR abs(m.value - d.mean) > 0.00005 + 1e-9);

-- check: the meta-analysis covers 15 persona specifications × the 19 studies, and the same 15 specifications × 2 aggregates × 6 metrics in the summaries (163 or 164 outcomes each)
SELECT 'study_metrics' AS what, count(*) AS n FROM study_metrics HAVING count(*) <> 15 * 19 OR count(DISTINCT persona_specification) <> 15
UNION ALL SELECT 'study not in dv_results: ' || study, 0 FROM (SELECT DISTINCT study FROM study_metrics) ANTI JOIN studies USING (study)
UNION ALL SELECT 'specification_summary', count(*) FROM specification_summary HAVING count(*) <> 15 * 2 * 6 OR count(metric) <> count(*)
UNION ALL SELECT 'spec mismatch: ' || persona_specification, 0 FROM (SELECT DISTINCT persona_specification FROM specification_summary) ANTI JOIN (SELECT DISTINCT persona_specification FROM study_metrics) USING (persona_specification)
UNION ALL SELECT 'n_observations ' || persona_specification, n_observations FROM specification_summary WHERE n_observations NOT IN (163, 164)
UNION ALL SELECT persona_specification || '/' || aggregate || '/' || metric, count(*) FROM specification_summary GROUP BY ALL HAVING count(*) > 1;

-- check: performance_comparison_by_metric.csv repeats the summary means, and each best_specification meets its stated criterion
SELECT v.metric, v.persona_specification, v.value, s.value FROM _perf_values v
LEFT JOIN specification_summary s ON s.metric_as_released = v.metric AND s.persona_specification = v.persona_specification AND s.aggregate = 'mean'
WHERE s.value IS NULL OR s.value <> v.value
UNION ALL SELECT b.metric_as_released, b.best_specification, b.best_value, NULL FROM best_specification b
WHERE b.best_value IS NULL OR b.best_value <> (
  SELECT CASE b.criterion WHEN 'highest value' THEN max(value) WHEN 'lowest value' THEN min(value) END FROM _perf_values v WHERE v.metric = b.metric_as_released)
  AND b.criterion <> 'highest absolute value'
UNION ALL SELECT b.metric_as_released, b.best_specification, b.best_value, NULL FROM best_specification b
WHERE b.criterion = 'highest absolute value' AND abs(b.best_value) <> (SELECT max(abs(value)) FROM _perf_values v WHERE v.metric = b.metric_as_released)
UNION ALL SELECT 'criteria', NULL, count(*), NULL FROM best_specification WHERE criterion NOT IN ('highest value', 'lowest value', 'highest absolute value') HAVING count(*) > 0;

-- check: post-hoc metrics: 17 specifications (the 15 of the meta-analysis plus centaur_empty_persona and random_benchmark) × 5 metrics, counts within the observations
SELECT 'rows' AS what, count(*) AS n FROM post_metrics HAVING count(*) <> 17 * 5
UNION ALL SELECT 'not a known specification: ' || specification, 0 FROM (SELECT DISTINCT specification FROM post_metrics)
  WHERE specification NOT IN (SELECT persona_specification FROM specification_summary) AND specification NOT IN ('centaur_empty_persona', 'random_benchmark')
UNION ALL SELECT specification || '/' || metric, n FROM post_metrics WHERE n > total_observations OR n <= 0 OR std < 0;

-- check: calibration: 83 test outcomes, each an outcome of dv_results, with an original and a calibrated row, using at most the valid points
SELECT 'fit rows' AS what, count(*) AS n FROM calibration_fit HAVING count(*) <> 83 OR count(DISTINCT variable) <> 83
UNION ALL SELECT 'unknown outcome ' || variable, 0 FROM calibration_fit WHERE study IS NULL
UNION ALL SELECT variable, count(*) FROM calibration_results GROUP BY variable HAVING count(*) <> 2 OR count(DISTINCT version) <> 2
UNION ALL SELECT variable, n_points FROM calibration_results WHERE correlation NOT BETWEEN -1 AND 1 OR n_points > n_valid_points OR n_points <= 0;

-- check: calibration_metrics_by_specification.csv is the mean and SD over the 83 outcomes of calibration_results.csv (to 4 decimals) for every metric except correlation (see next check)
WITH u AS (UNPIVOT (SELECT version, current_accuracy, standardized_accuracy, wasserstein_distance, std_ratio, mean_difference, cohens_d, human_std FROM calibration_results)
           ON COLUMNS(* EXCLUDE (version)) INTO NAME metric VALUE value),
a AS (SELECT version, metric, avg(value) AS mean, stddev_samp(value) AS sd, count(*) AS n FROM u GROUP BY ALL)
SELECT s.version, s.metric, s.mean, a.mean, s.std, a.sd FROM calibration_summary s LEFT JOIN a USING (version, metric)
WHERE s.metric <> 'correlation' AND (a.mean IS NULL OR abs(s.mean - a.mean) > 0.00005 + 1e-9 OR abs(s.std - a.sd) > 0.00005 + 1e-9 OR s.n <> a.n);

-- check: documented release inconsistency: the summary correlation (original 0.2335, calibrated 0.3984; "Fisher z-averaged" per the repo README) is reproduced neither by the arithmetic nor by the Fisher-z mean of the 83 per-outcome correlations; if this check fails, the release changed and the table description must be revisited
WITH a AS (SELECT version, avg(correlation) AS arith, tanh(avg(atanh(correlation))) AS fisher FROM calibration_results GROUP BY version)
SELECT s.version, s.mean, a.arith, a.fisher FROM calibration_summary s JOIN a USING (version)
WHERE s.metric = 'correlation' AND (abs(s.mean - a.arith) <= 0.00005 OR abs(s.mean - a.fisher) <= 0.00005);

-- check: calibration_vs_mega_study_comparison.csv: its two 'ours' rows equal calibration_metrics_by_specification.csv
SELECT c.specification, c.metric, c.value, s.mean FROM calibration_comparison c
LEFT JOIN calibration_summary s ON s.version = regexp_replace(c.specification, '_ours$', '') AND s.metric = regexp_replace(c.metric, '_mean$', '')
WHERE c.specification LIKE '%\_ours' ESCAPE '\' AND (s.mean IS NULL OR s.mean <> c.value OR c.total_observations <> s.total_observations);

-- check: its mega_* rows repeat average_metrics_by_specification.csv for correlation and std_ratio, except mega_full_persona_without_reasoning (documented: 0.1965 vs 0.1966 and 0.6344 vs 0.6337); current_accuracy differs by at most 0.001 for all five (documented)
SELECT c.specification, c.metric, c.value, p.mean FROM calibration_comparison c
LEFT JOIN post_metrics p ON p.specification = regexp_replace(c.specification, '^mega_', '') AND p.metric = regexp_replace(c.metric, '_mean$', '')
WHERE c.specification LIKE 'mega\_%' ESCAPE '\' AND c.metric <> 'cohens_d_mean'
  AND (p.mean IS NULL
       OR (c.metric IN ('correlation_mean', 'std_ratio_mean') AND c.specification <> 'mega_full_persona_without_reasoning' AND abs(c.value - p.mean) > 1e-9)
       OR (c.metric = 'current_accuracy_mean' AND abs(c.value - p.mean) > 0.001 + 1e-9));

-- check: the documented exception still holds: mega_full_persona_without_reasoning's correlation and std_ratio differ from average_metrics_by_specification.csv
SELECT c.specification, c.metric, c.value, p.mean FROM calibration_comparison c
JOIN post_metrics p ON p.specification = 'full_persona_without_reasoning' AND p.metric = regexp_replace(c.metric, '_mean$', '')
WHERE c.specification = 'mega_full_persona_without_reasoning' AND c.metric IN ('correlation_mean', 'std_ratio_mean') AND abs(c.value - p.mean) <= 1e-9;

-- check: fit-quality correlations: 30 rows over the 83 calibrated outcomes, coefficients in [-1, 1], p-values in [0, 1]
SELECT fit_metric, improvement_metric, pearson_r, n_samples FROM fit_quality_correlations
WHERE n_samples <> 83 OR pearson_r NOT BETWEEN -1 AND 1 OR spearman_r NOT BETWEEN -1 AND 1 OR pearson_p NOT BETWEEN 0 AND 1 OR spearman_p NOT BETWEEN 0 AND 1
UNION ALL SELECT 'rows', NULL, count(*), NULL FROM fit_quality_correlations HAVING count(*) <> 30
UNION ALL SELECT fit_metric, improvement_metric, count(*), NULL FROM fit_quality_correlations GROUP BY ALL HAVING count(*) > 1;

-- check: targeting fairness individual level: 714 rows = one human and one twin answer for each of 357 participants, all for fair1 of the default persona
SELECT 'rows' AS what, count(*) AS n FROM targeting_fairness_individual HAVING count(*) <> 714 OR count(DISTINCT twin_id) <> 357
UNION ALL SELECT 'twin ' || twin_id, count(*) FROM targeting_fairness_individual GROUP BY twin_id HAVING count(*) <> 2 OR count(DISTINCT respondent_type) <> 2
UNION ALL SELECT respondent_type || '/' || variable || '/' || persona_specification, count(*) FROM targeting_fairness_individual
  WHERE respondent_type NOT IN ('human', 'twin') OR variable <> 'fair1' OR persona_specification <> 'default persona' OR study <> 'Targeting fairness' GROUP BY ALL;

-- check: the individual-level answers reproduce the fair1 row of dv_results: sample size, means, SDs, Pearson correlation and accuracy = 1 − mean|human − twin| / (DV_max − DV_min)
WITH p AS (
  SELECT twin_id, max(value) FILTER (respondent_type = 'human') AS h, max(value) FILTER (respondent_type = 'twin') AS t
  FROM targeting_fairness_individual GROUP BY twin_id),
r AS (SELECT count(*) AS n, avg(h) AS mh, avg(t) AS mt, stddev_samp(h) AS sh, stddev_samp(t) AS st, corr(h, t) AS r, avg(abs(h - t)) AS mad FROM p)
SELECT d.variable, d.sample_size, r.n, d.correlation, r.r, d.accuracy, 1 - r.mad / (d.dv_max - d.dv_min) AS acc
FROM dv_results d, r
WHERE d.study = 'Targeting fairness' AND d.variable = 'fair1'
  AND (d.sample_size <> r.n OR abs(d.mean_human - r.mh) > 1e-9 OR abs(d.mean_twin - r.mt) > 1e-9 OR abs(d.std_human - r.sh) > 1e-9
       OR abs(d.std_twin - r.st) > 1e-9 OR abs(d.correlation - r.r) > 1e-9 OR abs(d.accuracy - (1 - r.mad / (d.dv_max - d.dv_min))) > 1e-9);

-- check: results: one row per model spelling × metric × subset, no gemini/deepseek, values in range
SELECT model, metric, subset, count(*) AS n FROM results GROUP BY ALL HAVING count(*) > 1
UNION ALL SELECT model, metric, subset, 0 FROM results
WHERE model IN ('gemini', 'deepseek') OR value IS NULL OR (unit = 'accuracy 0–1' AND value NOT BETWEEN 0 AND 1) OR value NOT BETWEEN -1 AND 1;
