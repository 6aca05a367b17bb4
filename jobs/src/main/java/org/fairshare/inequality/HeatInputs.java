package org.fairshare.inequality;

/**
 * Input columns and options of the WHO HEAT summary measures: one row per setting (group) and
 * subgroup.
 *
 * @param subgroup subgroup label column
 * @param estimate subgroup estimate column (on the indicator scale, e.g. percent)
 * @param standardError standard error of the estimate
 * @param population subgroup population (weights)
 * @param order subgroup order column for ordered dimensions (1 = most disadvantaged), or null for a
 *     non-ordered dimension; a group is ordered only if every row has an order
 * @param reference boolean column flagging the reference subgroup of a non-ordered dimension, or
 *     null
 * @param favourable true when higher values are better (coverage), false for adverse indicators
 * @param scale indicator scale: 100 for percentages (simulated draws truncated to [0, 100]), other
 *     scales truncate at 0 only
 * @param repetitions simulated draws for the simulation-based limits (HEAT default 100)
 * @param seed seed of the draws
 */
public record HeatInputs(
    String subgroup,
    String estimate,
    String standardError,
    String population,
    String order,
    String reference,
    boolean favourable,
    double scale,
    int repetitions,
    long seed) {}
