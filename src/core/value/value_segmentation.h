// Value segmentation: RFM scores, the Pareto/Lorenz curve of value, the 20/60/20 tiers (docs/lifecycle-models.md)
// and the value × loyalty matrix. Inputs are plain per-customer arrays (index i = customer i), so any value
// measure (CLV, revenue, margin) and any loyalty measure (repeat purchases, P(alive), tenure) can be used.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/localized.h"

namespace lcs {

// ---- RFM ----
struct RfmInput {
    double recency_days = 0;  // days since last purchase (smaller is better)
    double frequency = 0;     // purchase occasions
    double monetary = 0;      // total (or average) spend
};

struct RfmScore {
    int recency = 0;    // 1..bins, bins = best (most recent)
    int frequency = 0;  // 1..bins, bins = most frequent
    int monetary = 0;   // 1..bins, bins = highest spend
    int total() const { return recency + frequency + monetary; }
    std::string code() const;  // e.g. "545"
};

// Cut points per dimension: a value v scores 1 + (number of cuts c with v > c), so bins = cuts + 1.
// Recency is scored on the negated days so that a higher score is always better.
struct RfmCuts {
    std::vector<double> recency;  // ascending cuts on -recency_days
    std::vector<double> frequency;
    std::vector<double> monetary;
};

// Quantile cut points (bins >= 2; 5 = quintiles) from the data; editable afterwards by the user.
RfmCuts rfm_quantile_cuts(const std::vector<RfmInput>& customers, int bins = 5);
std::vector<RfmScore> rfm_scores(const std::vector<RfmInput>& customers, const RfmCuts& cuts);

// ---- Pareto / Lorenz ----
struct LorenzPoint {
    double customer_share = 0;  // 0..1, customers sorted by value, most valuable first
    double value_share = 0;     // 0..1, cumulative share of total value
};

struct ValueConcentration {
    std::vector<LorenzPoint> curve;  // starts at (0,0), ends at (1,1); at most max_points + 1 points
    double top20_share = 0;          // share of total value held by the top 20% of customers
    double gini = 0;                 // 0 = equal, → 1 = concentrated (on non-negative values)
    double total_value = 0;
};

// Negative values (loss-making customers) count in the total as they are; the curve may then exceed 1.
ValueConcentration value_concentration(const std::vector<double>& values, int max_points = 200);

// ---- 20/60/20 tiers: top 20% keep, middle 60% break even, bottom 20% let go ----
enum class ValueTier { top = 0, middle = 1, bottom = 2 };

struct TierCuts {
    double top_share = 0.20;     // most valuable share of customers
    double bottom_share = 0.20;  // least valuable share of customers
};

struct TierSummary {
    ValueTier tier = ValueTier::top;
    int customers = 0;
    double value = 0;
    double value_share = 0;  // of total value
};

// Tier per customer (ties broken by index so the split is exact and deterministic) and per-tier totals.
std::vector<ValueTier> value_tiers(const std::vector<double>& values, TierCuts cuts = {});
std::array<TierSummary, 3> summarize_tiers(const std::vector<double>& values, const std::vector<ValueTier>& tiers);
Localized tier_name(ValueTier tier);      // "Top 20%" / "前20% 核心客户", "Middle 60%", "Bottom 20%"
Localized tier_strategy(ValueTier tier);  // what the source material says to do with the tier

// ---- value × loyalty matrix ----
enum class ValueLoyaltyQuadrant {
    champions = 0,  // high value, high loyalty
    butterflies,    // high value, low loyalty
    barnacles,      // low value, high loyalty
    strangers,      // low value, low loyalty
};

struct QuadrantThresholds {
    double value = 0;    // high value means value >= this
    double loyalty = 0;  // high loyalty means loyalty >= this
};

double median_of(std::vector<double> values);  // 0 for an empty vector
// Default thresholds: the medians of both measures.
QuadrantThresholds median_thresholds(const std::vector<double>& values, const std::vector<double>& loyalty);
// Precondition: values.size() == loyalty.size().
std::vector<ValueLoyaltyQuadrant> value_loyalty_quadrants(const std::vector<double>& values,
                                                          const std::vector<double>& loyalty,
                                                          QuadrantThresholds thresholds);

struct QuadrantSummary {
    ValueLoyaltyQuadrant quadrant = ValueLoyaltyQuadrant::champions;
    int customers = 0;
    double value = 0;
    double value_share = 0;  // of total value (0 when the total is 0)
};

// Customers and value per quadrant, indexed by static_cast<size_t>(quadrant) (champions, butterflies,
// barnacles, strangers). Customer i has values[i] and quadrants[i]; extra entries of the longer vector are ignored.
std::array<QuadrantSummary, 4> summarize_quadrants(const std::vector<double>& values,
                                                   const std::vector<ValueLoyaltyQuadrant>& quadrants);
Localized quadrant_name(ValueLoyaltyQuadrant quadrant);  // "Champions (high value, loyal)" / "挚友（高价值、高忠诚）", ...
Localized quadrant_strategy(ValueLoyaltyQuadrant quadrant);

}  // namespace lcs
