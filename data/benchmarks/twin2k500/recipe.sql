-- Twin-2K-500 mega-study results (TianyiPeng/Twin-2K-500-Mega-Study @ 1b84fee): the follow-up paper's 19
-- sub-studies comparing humans with their Twin-2K-500 digital twins. Mirror paths are raw/mega-study/<repo path>.

-- ---------------------------------------------------------------- per-outcome results (default persona)
-- One file per sub-study, one row per dependent variable (DV). Read as text and cast, so a one-row file cannot
-- change a column's inferred type.
CREATE TABLE _dv_files AS
SELECT * FROM read_csv('{{raw}}/mega-study/mega_study_evaluation/*/test/* default persona meta analysis.csv',
                       header = true, all_varchar = true, union_by_name = true, filename = true);

CREATE TABLE _dv_ranges AS
SELECT study_name AS study, DV_variable AS variable,
       nullif(lower(DV_min), 'nan')::DOUBLE AS dv_min, nullif(lower(DV_max), 'nan')::DOUBLE AS dv_max,
       'raw/mega-study/post_metric_calculation/dv_variables_summary.csv' AS source
FROM read_csv('{{raw}}/mega-study/post_metric_calculation/dv_variables_summary.csv', header = true, all_varchar = true);

CREATE TABLE dv_results AS
SELECT regexp_extract(d.filename, 'mega_study_evaluation/([^/]+)/test/', 1) AS study_key,
       d."study name" AS study,
       d."persona specification" AS persona_specification,
       d."variable name" AS variable,
       d."correlation between the responses from humans vs. their twins"::DOUBLE AS correlation,
       d.CI_lower::DOUBLE AS ci_lower,
       d.CI_upper::DOUBLE AS ci_upper,
       d."z-score for correlation between humans vs. their twins"::DOUBLE AS correlation_z,
       d."accuracy between humans vs. their twins"::DOUBLE AS accuracy,
       d.mean_human::DOUBLE AS mean_human,
       d.mean_twin::DOUBLE AS mean_twin,
       d."paired t-test t-stat"::DOUBLE AS t_stat,
       d."paired t-test p-value"::DOUBLE AS t_p_value,
       d.std_human::DOUBLE AS std_human,
       d.std_twin::DOUBLE AS std_twin,
       d."variance test F-stat"::DOUBLE AS f_stat,
       d."variance test p-value"::DOUBLE AS f_p_value,
       d."effect size based on human"::DOUBLE AS effect_size_human,
       d."effect size based on twin"::DOUBLE AS effect_size_twin,
       d."domain=social?"::INTEGER = 1 AS domain_social,
       d."domain=cognitive?"::INTEGER = 1 AS domain_cognitive,
       d."replicating know human bias?"::INTEGER = 1 AS replicates_known_bias,
       d."preference measure?"::INTEGER = 1 AS preference_measure,
       d."stimuli dependent?"::INTEGER = 1 AS stimuli_dependent,
       d."knowledge question?"::INTEGER = 1 AS knowledge_question,
       d."political question?"::INTEGER = 1 AS political_question,
       d."sample size"::INTEGER AS sample_size,
       r.dv_min, r.dv_max,
       regexp_extract(d.filename, '(raw/mega-study/.*)$', 1) AS source
FROM _dv_files d
LEFT JOIN _dv_ranges r ON r.study = d."study name" AND r.variable = d."variable name"
ORDER BY study, variable;

CREATE TABLE studies AS
SELECT study_key, study, count(*)::INTEGER AS n_outcomes,
       min(sample_size)::INTEGER AS min_sample_size, max(sample_size)::INTEGER AS max_sample_size,
       count(*) FILTER (domain_social)::INTEGER AS n_social,
       count(*) FILTER (domain_cognitive)::INTEGER AS n_cognitive,
       count(*) FILTER (political_question)::INTEGER AS n_political,
       any_value(source) AS source
FROM dv_results GROUP BY study_key, study ORDER BY study;

-- ---------------------------------------------------------------- meta-analysis across persona specifications
CREATE TABLE _corr_wide AS
SELECT * FROM read_csv('{{raw}}/mega-study/mega_study_evaluation/meta_analysis_results/correlation_by_persona_and_study.csv', header = true);

CREATE TABLE study_metrics AS
SELECT "persona specification" AS persona_specification, study,
       'correlation' AS metric, value::DOUBLE AS value,
       'raw/mega-study/mega_study_evaluation/meta_analysis_results/correlation_by_persona_and_study.csv' AS source
FROM (UNPIVOT _corr_wide ON COLUMNS(* EXCLUDE ("persona specification")) INTO NAME study VALUE value)
ORDER BY persona_specification, study;

CREATE TABLE _spec_summary_files AS
SELECT 'mean' AS aggregate, 'raw/mega-study/mega_study_evaluation/meta_analysis_results/summary_by_persona_specification_avg.csv' AS source, *
FROM read_csv('{{raw}}/mega-study/mega_study_evaluation/meta_analysis_results/summary_by_persona_specification_avg.csv', header = true)
UNION ALL BY NAME
SELECT 'median' AS aggregate, 'raw/mega-study/mega_study_evaluation/meta_analysis_results/summary_by_persona_specification_median.csv' AS source, *
FROM read_csv('{{raw}}/mega-study/mega_study_evaluation/meta_analysis_results/summary_by_persona_specification_median.csv', header = true);

CREATE TABLE specification_summary AS
SELECT "persona specification" AS persona_specification, aggregate,
       CASE metric
         WHEN 'correlation between the responses from humans vs. their twins' THEN 'correlation'
         WHEN 'accuracy between humans vs. their twins' THEN 'accuracy'
         WHEN 'paired t-test t-stat' THEN 't_stat'
         WHEN 'paired t-test p-value' THEN 't_p_value'
         WHEN 'variance test F-stat' THEN 'f_stat'
         WHEN 'variance test p-value' THEN 'f_p_value'
       END AS metric,
       metric AS metric_as_released,
       value::DOUBLE AS value, n_observations::INTEGER AS n_observations, source
FROM (UNPIVOT _spec_summary_files
      ON "correlation between the responses from humans vs. their twins", "accuracy between humans vs. their twins",
         "paired t-test t-stat", "paired t-test p-value", "variance test F-stat", "variance test p-value"
      INTO NAME metric VALUE value)
ORDER BY persona_specification, aggregate, metric;

CREATE TABLE _perf_wide AS
SELECT * FROM read_csv('{{raw}}/mega-study/mega_study_evaluation/meta_analysis_results/performance_comparison_by_metric.csv', header = true);

CREATE TABLE _perf_values AS
SELECT metric, regexp_replace(spec_col, '_value$', '') AS persona_specification, value::DOUBLE AS value
FROM (UNPIVOT _perf_wide ON COLUMNS('_value$') INTO NAME spec_col VALUE value);

CREATE TABLE best_specification AS
SELECT CASE p.metric
         WHEN 'correlation between the responses from humans vs. their twins' THEN 'correlation'
         WHEN 'accuracy between humans vs. their twins' THEN 'accuracy'
         WHEN 'paired t-test t-stat' THEN 't_stat'
         WHEN 'paired t-test p-value' THEN 't_p_value'
         WHEN 'variance test F-stat' THEN 'f_stat'
         WHEN 'variance test p-value' THEN 'f_p_value'
       END AS metric,
       p.metric AS metric_as_released, p.best_specification, p.interpretation AS criterion,
       v.value AS best_value,
       'raw/mega-study/mega_study_evaluation/meta_analysis_results/performance_comparison_by_metric.csv' AS source
FROM _perf_wide p LEFT JOIN _perf_values v ON v.metric = p.metric AND v.persona_specification = p.best_specification;

-- ---------------------------------------------------------------- post-hoc metrics by specification
CREATE TABLE _post_wide AS
SELECT * FROM read_csv('{{raw}}/mega-study/post_metric_calculation/average_metrics_by_specification.csv', header = true);

CREATE TABLE post_metrics AS
SELECT specification_type AS specification, m.metric,
       CASE m.metric WHEN 'current_accuracy' THEN current_accuracy_mean WHEN 'std_ratio' THEN std_ratio_mean
         WHEN 'Glass_delta' THEN Glass_delta_mean WHEN 'human_std' THEN human_std_mean WHEN 'correlation' THEN correlation_mean END::DOUBLE AS mean,
       CASE m.metric WHEN 'current_accuracy' THEN current_accuracy_std WHEN 'std_ratio' THEN std_ratio_std
         WHEN 'Glass_delta' THEN Glass_delta_std WHEN 'human_std' THEN human_std_std WHEN 'correlation' THEN correlation_std END::DOUBLE AS std,
       CASE m.metric WHEN 'current_accuracy' THEN current_accuracy_count WHEN 'std_ratio' THEN std_ratio_count
         WHEN 'Glass_delta' THEN Glass_delta_count WHEN 'human_std' THEN human_std_count WHEN 'correlation' THEN correlation_count END::INTEGER AS n,
       total_observations::INTEGER AS total_observations,
       'raw/mega-study/post_metric_calculation/average_metrics_by_specification.csv' AS source
FROM _post_wide, (VALUES ('current_accuracy'), ('std_ratio'), ('Glass_delta'), ('human_std'), ('correlation')) m(metric)
ORDER BY specification, metric;

-- ---------------------------------------------------------------- calibration experiment
CREATE TABLE _cal AS
SELECT * FROM read_csv('{{raw}}/mega-study/post_metric_calculation/post_processing_caliberation/calibration_results.csv', header = true);

CREATE TABLE calibration_results AS
SELECT c.test_column AS variable, d.study, v.version,
       CASE v.version WHEN 'original' THEN original_correlation ELSE calibrated_correlation END::DOUBLE AS correlation,
       CASE v.version WHEN 'original' THEN original_current_accuracy ELSE calibrated_current_accuracy END::DOUBLE AS current_accuracy,
       CASE v.version WHEN 'original' THEN original_standardized_accuracy ELSE calibrated_standardized_accuracy END::DOUBLE AS standardized_accuracy,
       CASE v.version WHEN 'original' THEN original_wasserstein_distance ELSE calibrated_wasserstein_distance END::DOUBLE AS wasserstein_distance,
       CASE v.version WHEN 'original' THEN original_std_ratio ELSE calibrated_std_ratio END::DOUBLE AS std_ratio,
       CASE v.version WHEN 'original' THEN original_mean_difference ELSE calibrated_mean_difference END::DOUBLE AS mean_difference,
       CASE v.version WHEN 'original' THEN original_cohens_d ELSE calibrated_cohens_d END::DOUBLE AS cohens_d,
       CASE v.version WHEN 'original' THEN original_human_std ELSE calibrated_human_std END::DOUBLE AS human_std,
       CASE v.version WHEN 'original' THEN original_n_points ELSE calibrated_n_points END::INTEGER AS n_points,
       c.n_valid_points::INTEGER AS n_valid_points,
       'raw/mega-study/post_metric_calculation/post_processing_caliberation/calibration_results.csv' AS source
FROM _cal c CROSS JOIN (VALUES ('original'), ('calibrated')) v(version)
LEFT JOIN dv_results d ON d.variable = c.test_column
ORDER BY variable, version DESC;

CREATE TABLE calibration_fit AS
SELECT c.test_column AS variable, d.study,
       fit_r2::DOUBLE AS fit_r2, fit_adj_r2::DOUBLE AS fit_adj_r2, fit_mse::DOUBLE AS fit_mse, fit_rmse::DOUBLE AS fit_rmse,
       fit_f_stat::DOUBLE AS fit_f_stat, fit_f_pvalue::DOUBLE AS fit_f_pvalue, fit_residual_std::DOUBLE AS fit_residual_std,
       fit_n_significant_coefs::INTEGER AS fit_n_significant_coefs, fit_n_features::INTEGER AS fit_n_features,
       fit_n_samples::INTEGER AS fit_n_samples,
       calibrated_correlation - original_correlation AS correlation_improvement,
       'raw/mega-study/post_metric_calculation/post_processing_caliberation/calibration_results.csv' AS source
FROM _cal c LEFT JOIN dv_results d ON d.variable = c.test_column
ORDER BY variable;

CREATE TABLE _cal_spec AS
SELECT * FROM read_csv('{{raw}}/mega-study/post_metric_calculation/post_processing_caliberation/calibration_metrics_by_specification.csv', header = true);

CREATE TABLE calibration_summary AS
SELECT specification_type AS version, m.metric,
       CASE m.metric WHEN 'current_accuracy' THEN current_accuracy_mean WHEN 'standardized_accuracy' THEN standardized_accuracy_mean
         WHEN 'wasserstein_distance' THEN wasserstein_distance_mean WHEN 'std_ratio' THEN std_ratio_mean
         WHEN 'mean_difference' THEN mean_difference_mean WHEN 'cohens_d' THEN cohens_d_mean
         WHEN 'human_std' THEN human_std_mean WHEN 'correlation' THEN correlation_mean END::DOUBLE AS mean,
       CASE m.metric WHEN 'current_accuracy' THEN current_accuracy_std WHEN 'standardized_accuracy' THEN standardized_accuracy_std
         WHEN 'wasserstein_distance' THEN wasserstein_distance_std WHEN 'std_ratio' THEN std_ratio_std
         WHEN 'mean_difference' THEN mean_difference_std WHEN 'cohens_d' THEN cohens_d_std
         WHEN 'human_std' THEN human_std_std WHEN 'correlation' THEN correlation_std END::DOUBLE AS std,
       CASE m.metric WHEN 'current_accuracy' THEN current_accuracy_count WHEN 'standardized_accuracy' THEN standardized_accuracy_count
         WHEN 'wasserstein_distance' THEN wasserstein_distance_count WHEN 'std_ratio' THEN std_ratio_count
         WHEN 'mean_difference' THEN mean_difference_count WHEN 'cohens_d' THEN cohens_d_count
         WHEN 'human_std' THEN human_std_count WHEN 'correlation' THEN correlation_count END::INTEGER AS n,
       total_observations::INTEGER AS total_observations,
       'raw/mega-study/post_metric_calculation/post_processing_caliberation/calibration_metrics_by_specification.csv' AS source
FROM _cal_spec,
     (VALUES ('current_accuracy'), ('standardized_accuracy'), ('wasserstein_distance'), ('std_ratio'),
             ('mean_difference'), ('cohens_d'), ('human_std'), ('correlation')) m(metric)
ORDER BY version, metric;

CREATE TABLE _cal_cmp AS
SELECT * FROM read_csv('{{raw}}/mega-study/post_metric_calculation/post_processing_caliberation/calibration_vs_mega_study_comparison.csv', header = true);

CREATE TABLE calibration_comparison AS
SELECT specification_type AS specification, metric, value::DOUBLE AS value, total_observations::INTEGER AS total_observations,
       'raw/mega-study/post_metric_calculation/post_processing_caliberation/calibration_vs_mega_study_comparison.csv' AS source
FROM (UNPIVOT _cal_cmp ON correlation_mean, current_accuracy_mean, cohens_d_mean, std_ratio_mean INTO NAME metric VALUE value)
ORDER BY specification, metric;

CREATE TABLE fit_quality_correlations AS
SELECT fit_metric, improvement_metric, pearson_r::DOUBLE AS pearson_r, pearson_p::DOUBLE AS pearson_p,
       spearman_r::DOUBLE AS spearman_r, spearman_p::DOUBLE AS spearman_p, n_samples::INTEGER AS n_samples,
       'raw/mega-study/post_metric_calculation/post_processing_caliberation/fit_quality_correlations.csv' AS source
FROM read_csv('{{raw}}/mega-study/post_metric_calculation/post_processing_caliberation/fit_quality_correlations.csv', header = true)
ORDER BY fit_metric, improvement_metric;

-- ---------------------------------------------------------------- individual level: targeting fairness
CREATE TABLE targeting_fairness_individual AS
SELECT TWIN_ID::INTEGER AS twin_id, variable_name AS variable, respondent_type, value::DOUBLE AS value,
       study_name AS study, specification_name AS persona_specification,
       'raw/mega-study/mega_study_evaluation/targeting_fairness/test/Targeting fairness default persona meta analysis individual level.csv' AS source
FROM read_csv('{{raw}}/mega-study/mega_study_evaluation/targeting_fairness/test/Targeting fairness default persona meta analysis individual level.csv',
              header = true, all_varchar = true)
ORDER BY twin_id, respondent_type;

-- ---------------------------------------------------------------- cross-benchmark results
-- Only a specification that names its model goes into main.results: 'GPT5' swaps in GPT-5. The
-- others run the pipeline's default model, which the pinned release does not state (gpt-4.1 appears
-- only in the README's example configuration of one study), and 'gemini' and 'deepseek' do not say
-- which version ran: they stay in this benchmark's own tables, with no model attributed.
CREATE TABLE results AS
SELECT persona_specification AS model,
       CASE metric WHEN 'correlation' THEN 'human–twin correlation' ELSE 'human–twin accuracy' END
         || ' (' || aggregate || ' over outcomes)' AS metric,
       persona_specification || ' / all studies' AS subset,
       value,
       CASE metric WHEN 'correlation' THEN 'Pearson r (−1–1)' ELSE 'accuracy 0–1' END AS unit,
       true AS higher_is_better,
       source || '#' || persona_specification || '/' || metric_as_released AS source
FROM specification_summary
WHERE metric IN ('correlation', 'accuracy') AND persona_specification = 'GPT5'
UNION ALL
SELECT persona_specification, 'human–twin correlation (mean over the study''s outcomes)', persona_specification || ' / ' || study,
       value, 'Pearson r (−1–1)', true, source || '#' || persona_specification || '/' || study
FROM study_metrics
WHERE persona_specification = 'GPT5'
ORDER BY model, metric, subset;
