#include "core/value/value_segmentation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lcs {
namespace {

// Counts customers and sums value per group (customer i is in group groups[i], the summary's index),
// then each group's share of the total value. `summary` arrives with its group ids set.
template <typename Summary, typename Group, size_t N>
std::array<Summary, N> summarize_groups(const std::vector<double>& values, const std::vector<Group>& groups,
                                        std::array<Summary, N> summary) {
    double total = 0;
    for (size_t i = 0; i < values.size() && i < groups.size(); ++i) {
        Summary& s = summary[static_cast<size_t>(groups[i])];
        s.customers += 1;
        s.value += values[i];
        total += values[i];
    }
    for (Summary& s : summary) s.value_share = total != 0 ? s.value / total : 0;
    return summary;
}

}  // namespace

std::string RfmScore::code() const {
    return std::to_string(recency) + std::to_string(frequency) + std::to_string(monetary);
}

// Cut k of `bins` is the value at rank ceil(k·n/bins) − 1 of the sorted data, so with distinct values each
// bin receives n/bins customers (±1). Duplicate cuts are dropped: tied values can never be split.
static std::vector<double> quantile_cuts(std::vector<double> values, int bins) {
    std::vector<double> cuts;
    if (values.empty() || bins < 2) return cuts;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    for (int k = 1; k < bins; ++k) {
        const size_t rank = (static_cast<size_t>(k) * n + static_cast<size_t>(bins) - 1) / static_cast<size_t>(bins);
        const double cut = values[rank == 0 ? 0 : rank - 1];
        if (cuts.empty() || cut > cuts.back()) cuts.push_back(cut);
    }
    return cuts;
}

RfmCuts rfm_quantile_cuts(const std::vector<RfmInput>& customers, int bins) {
    std::vector<double> r, f, m;
    r.reserve(customers.size());
    f.reserve(customers.size());
    m.reserve(customers.size());
    for (const RfmInput& c : customers) {
        r.push_back(-c.recency_days);
        f.push_back(c.frequency);
        m.push_back(c.monetary);
    }
    return {quantile_cuts(std::move(r), bins), quantile_cuts(std::move(f), bins), quantile_cuts(std::move(m), bins)};
}

static int score_against(double value, const std::vector<double>& cuts) {
    return 1 + static_cast<int>(std::upper_bound(cuts.begin(), cuts.end(), value, [](double v, double cut) {
                                    return !(v > cut);
                                }) - cuts.begin());
}

std::vector<RfmScore> rfm_scores(const std::vector<RfmInput>& customers, const RfmCuts& cuts) {
    std::vector<RfmScore> scores;
    scores.reserve(customers.size());
    for (const RfmInput& c : customers)
        scores.push_back({score_against(-c.recency_days, cuts.recency), score_against(c.frequency, cuts.frequency),
                          score_against(c.monetary, cuts.monetary)});
    return scores;
}

// Indices sorted by value, most valuable first; ties keep index order.
static std::vector<size_t> order_by_value_desc(const std::vector<double>& values) {
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] > values[b]; });
    return order;
}

ValueConcentration value_concentration(const std::vector<double>& values, int max_points) {
    ValueConcentration result;
    result.curve.push_back({0, 0});
    const size_t n = values.size();
    if (n == 0) return result;
    const std::vector<size_t> order = order_by_value_desc(values);
    result.total_value = std::accumulate(values.begin(), values.end(), 0.0);
    const double total = result.total_value;
    const size_t step = std::max<size_t>(1, n / static_cast<size_t>(std::max(1, max_points)));
    // The top 20% may end inside a customer: count that customer's fraction of value.
    const double top_count = 0.2 * static_cast<double>(n);
    double cumulative = 0, top_value = 0, area = 0;
    for (size_t i = 0; i < n; ++i) {
        const double v = values[order[i]];
        const double before = cumulative;
        cumulative += v;
        const double in_top = std::clamp(top_count - static_cast<double>(i), 0.0, 1.0);
        top_value += in_top * v;
        // Area under the descending curve by trapezoids, for the Gini coefficient.
        area += (before + cumulative) / 2;
        if ((i + 1) % step == 0 || i + 1 == n)
            result.curve.push_back({static_cast<double>(i + 1) / static_cast<double>(n),
                                    total != 0 ? cumulative / total : 0});
    }
    if (total != 0) {
        result.top20_share = top_value / total;
        // Descending curve: area B = area/(n·total) ∈ [0.5, 1]; Gini = 2B − 1.
        result.gini = 2 * area / (static_cast<double>(n) * total) - 1;
    }
    return result;
}

std::vector<ValueTier> value_tiers(const std::vector<double>& values, TierCuts cuts) {
    const size_t n = values.size();
    std::vector<ValueTier> tiers(n, ValueTier::middle);
    const std::vector<size_t> order = order_by_value_desc(values);
    const auto top = static_cast<size_t>(std::llround(cuts.top_share * static_cast<double>(n)));
    const auto bottom = static_cast<size_t>(std::llround(cuts.bottom_share * static_cast<double>(n)));
    for (size_t rank = 0; rank < n; ++rank) {
        if (rank < top)
            tiers[order[rank]] = ValueTier::top;
        else if (rank >= n - std::min(bottom, n - std::min(top, n)))
            tiers[order[rank]] = ValueTier::bottom;
    }
    return tiers;
}

std::array<TierSummary, 3> summarize_tiers(const std::vector<double>& values, const std::vector<ValueTier>& tiers) {
    return summarize_groups(values, tiers,
                            std::array<TierSummary, 3>{{{ValueTier::top}, {ValueTier::middle}, {ValueTier::bottom}}});
}

Localized tier_name(ValueTier tier) {
    switch (tier) {
        case ValueTier::top:
            return {"Top 20%", "前20% 核心客户"};
        case ValueTier::middle:
            return {"Middle 60%", "中间60% 保本客户"};
        case ValueTier::bottom:
            return {"Bottom 20%", "后20% 低价值客户"};
    }
    return {};
}

Localized tier_strategy(ValueTier tier) {
    switch (tier) {
        case ValueTier::top:
            return {"They bring most of the profit: learn what they have in common and keep them loyal with service "
                    "and recognition, not only with discounts.",
                    "贡献大部分利润：找出他们的共同特征，用服务和认可（而不只是折扣）保持忠诚。"};
        case ValueTier::middle:
            return {"Roughly break even but carry the company's scale: keep them, serve them efficiently and look "
                    "for the ones who can grow.",
                    "大致保本，但支撑公司规模：保留并高效服务，发掘可成长的客户。"};
        case ValueTier::bottom:
            return {"Cost more than they bring: lower the cost to serve, or let them go.",
                    "消耗资源多于贡献：降低服务成本，或适当放弃。"};
    }
    return {};
}

double median_of(std::vector<double> values) {
    if (values.empty()) return 0;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2) return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

QuadrantThresholds median_thresholds(const std::vector<double>& values, const std::vector<double>& loyalty) {
    return {median_of(values), median_of(loyalty)};
}

std::vector<ValueLoyaltyQuadrant> value_loyalty_quadrants(const std::vector<double>& values,
                                                          const std::vector<double>& loyalty,
                                                          QuadrantThresholds thresholds) {
    std::vector<ValueLoyaltyQuadrant> quadrants(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        const bool high_value = values[i] >= thresholds.value;
        const bool high_loyalty = loyalty[i] >= thresholds.loyalty;
        quadrants[i] = high_value ? (high_loyalty ? ValueLoyaltyQuadrant::champions : ValueLoyaltyQuadrant::butterflies)
                                  : (high_loyalty ? ValueLoyaltyQuadrant::barnacles : ValueLoyaltyQuadrant::strangers);
    }
    return quadrants;
}

std::array<QuadrantSummary, 4> summarize_quadrants(const std::vector<double>& values,
                                                   const std::vector<ValueLoyaltyQuadrant>& quadrants) {
    return summarize_groups(values, quadrants,
                            std::array<QuadrantSummary, 4>{{{ValueLoyaltyQuadrant::champions},
                                                            {ValueLoyaltyQuadrant::butterflies},
                                                            {ValueLoyaltyQuadrant::barnacles},
                                                            {ValueLoyaltyQuadrant::strangers}}});
}

Localized quadrant_name(ValueLoyaltyQuadrant quadrant) {
    switch (quadrant) {
        case ValueLoyaltyQuadrant::champions:
            return {"Champions (high value, loyal)", "挚友（高价值、高忠诚）"};
        case ValueLoyaltyQuadrant::butterflies:
            return {"Butterflies (high value, not loyal)", "蝴蝶（高价值、低忠诚）"};
        case ValueLoyaltyQuadrant::barnacles:
            return {"Barnacles (low value, loyal)", "藤壶（低价值、高忠诚）"};
        case ValueLoyaltyQuadrant::strangers:
            return {"Strangers (low value, not loyal)", "陌生人（低价值、低忠诚）"};
    }
    return {};
}

Localized quadrant_strategy(ValueLoyaltyQuadrant quadrant) {
    switch (quadrant) {
        case ValueLoyaltyQuadrant::champions:
            return {"Keep and reward: personal service, care plans, early access; ask them for referrals.",
                    "保持并回馈：专属服务、关怀计划、优先体验；邀请他们推荐。"};
        case ValueLoyaltyQuadrant::butterflies:
            return {"Earn commitment while they buy: timely offers and service; do not overinvest once they stop.",
                    "趁其购买时争取承诺：及时的优惠与服务；停止购买后不要过度投入。"};
        case ValueLoyaltyQuadrant::barnacles:
            return {"Grow their value: cross-sell and up-sell, bundles; check the cost to serve them.",
                    "提升价值：交叉销售与向上销售、组合套餐；检查服务成本。"};
        case ValueLoyaltyQuadrant::strangers:
            return {"Minimal investment: low-cost channels, automated contact; acquire better-fitting customers.",
                    "最低投入：低成本渠道与自动化触达；转而获取更匹配的客户。"};
    }
    return {};
}

}  // namespace lcs
