#include "core/scenario/projection.h"

#include <algorithm>
#include <cmath>

namespace lcs {

namespace {

using Matrix = std::vector<std::vector<double>>;

// Stage indices and rates of a lever, looked up once per projection rather than once per month.
struct ResolvedLever {
    const Lever* lever = nullptr;
    std::vector<size_t> stages;  // retention, care_plan, price
    int from = -1;               // conversion
    int to = -1;                 // conversion, winback
    double winback_probability = 0;  // winback: reason share × contact rate × winback share (per month)
    double contacted_share = 0;      // winback: reason share × contact rate
    double cost_per_customer = 0;
};

// points >= 0: move min(points, churn mass) from the row's churn columns (pro rata) to staying.
// points < 0: move min(-points, stay mass) from staying to the churn columns (pro rata to their
// current split; all to the first churn stage when the row has no churn flow yet).
void shift_retention(Matrix& p, const std::vector<bool>& churned, size_t s, double points) {
    std::vector<double>& row = p[s];
    double churn_mass = 0;
    for (size_t j = 0; j < row.size(); ++j)
        if (churned[j] && j != s) churn_mass += row[j];
    if (points >= 0) {
        const double move = std::min(points, churn_mass);
        if (move <= 0) return;
        const double scale = (churn_mass - move) / churn_mass;
        for (size_t j = 0; j < row.size(); ++j)
            if (churned[j] && j != s) row[j] *= scale;
        row[s] += move;
        return;
    }
    const double move = std::min(-points, row[s]);
    if (move <= 0) return;
    row[s] -= move;
    if (churn_mass > 0) {
        const double scale = (churn_mass + move) / churn_mass;
        for (size_t j = 0; j < row.size(); ++j)
            if (churned[j] && j != s) row[j] *= scale;
        return;
    }
    for (size_t j = 0; j < row.size(); ++j)
        if (churned[j] && j != s) {
            row[j] += move;
            return;
        }
    row[s] += move;  // no churn stage to send the mass to: nothing changes
}

void move_mass(Matrix& p, size_t from, size_t to, double amount) {
    const double move = std::min(amount, p[from][from]);
    if (move <= 0) return;
    p[from][from] -= move;
    p[from][to] += move;
}

std::vector<ResolvedLever> resolve(const Baseline& b, const std::vector<Lever>& levers) {
    std::vector<ResolvedLever> out;
    out.reserve(levers.size());
    const double average_cost = average_acquisition_cost(b);
    for (const Lever& lever : levers) {
        ResolvedLever r;
        r.lever = &lever;
        r.cost_per_customer = lever.cost_per_customer.value_or(lever.kind == LeverKind::acquisition ? average_cost : 0.0);
        switch (lever.kind) {
            case LeverKind::retention:
            case LeverKind::care_plan:
                for (const std::string& name : lever.stages) r.stages.push_back(static_cast<size_t>(stage_index(b, name)));
                break;
            case LeverKind::price:
                if (lever.stages.empty()) {
                    for (size_t i = 0; i < b.stages.size(); ++i)
                        if (!b.churned[i]) r.stages.push_back(i);
                } else {
                    for (const std::string& name : lever.stages) r.stages.push_back(static_cast<size_t>(stage_index(b, name)));
                }
                break;
            case LeverKind::conversion:
                r.from = stage_index(b, lever.from_stage);
                r.to = stage_index(b, lever.to_stage);
                break;
            case LeverKind::winback:
                r.to = stage_index(b, lever.to_stage);
                for (const ChurnReasonShare& reason : b.churn_reasons)
                    if (reason.id == lever.reason) {
                        r.contacted_share = reason.share_of_churned * lever.contact_rate;
                        r.winback_probability = r.contacted_share * lever.winback_share.value_or(reason.winback_share);
                    }
                break;
            case LeverKind::acquisition: break;
        }
        out.push_back(r);
    }
    return out;
}

void apply_levers(Matrix& p, const Baseline& b, const std::vector<ResolvedLever>& levers, int month) {
    for (const ResolvedLever& r : levers) {
        const Lever& lever = *r.lever;
        if (!lever_active(lever, month, b.horizon_months)) continue;
        switch (lever.kind) {
            case LeverKind::retention:
            case LeverKind::care_plan:
                for (size_t s : r.stages) shift_retention(p, b.churned, s, lever.points);
                break;
            case LeverKind::price:
                if (lever.points != 0)
                    for (size_t s : r.stages)
                        if (!b.churned[s]) shift_retention(p, b.churned, s, lever.points);
                break;
            case LeverKind::conversion:
                move_mass(p, static_cast<size_t>(r.from), static_cast<size_t>(r.to), lever.points);
                break;
            case LeverKind::winback:
                for (size_t c = 0; c < b.stages.size(); ++c)
                    if (b.churned[c]) move_mass(p, c, static_cast<size_t>(r.to), r.winback_probability);
                break;
            case LeverKind::acquisition: break;
        }
    }
}

// New customers through the channels in month t: acquisition levers with a cut scale the volume
// (increases buy extra customers on top of it, in add_lever_costs).
double channel_volume_at(const Baseline& b, const std::vector<ResolvedLever>& resolved, int t) {
    double channel_volume = b.new_customers_per_month;
    for (const ResolvedLever& r : resolved)
        if (r.lever->kind == LeverKind::acquisition && r.lever->volume_change < 0 && lever_active(*r.lever, t, b.horizon_months))
            channel_volume *= 1.0 + r.lever->volume_change;
    return channel_volume;
}

// The cost of every lever active in month t (previous = customers per stage at the month's start), added
// to cost_by_lever; acquisition increases add their extra customers to `acquired`, price levers scale
// `margin`. Returns the month's total lever cost.
double add_lever_costs(const Baseline& b, const std::vector<ResolvedLever>& resolved, int t,
                       const std::vector<double>& previous, double channel_volume, double& acquired,
                       std::vector<double>& margin, std::vector<double>& cost_by_lever) {
    double total = 0;
    for (size_t k = 0; k < resolved.size(); ++k) {
        const ResolvedLever& r = resolved[k];
        const Lever& lever = *r.lever;
        if (!lever_active(lever, t, b.horizon_months)) continue;
        double cost = lever.fixed_cost_per_month;
        switch (lever.kind) {
            case LeverKind::retention:
            case LeverKind::care_plan:
                for (size_t s : r.stages) cost += r.cost_per_customer * previous[s];
                break;
            case LeverKind::conversion: cost += r.cost_per_customer * previous[static_cast<size_t>(r.from)]; break;
            case LeverKind::winback:
                for (size_t c = 0; c < b.stages.size(); ++c)
                    if (b.churned[c]) cost += r.cost_per_customer * r.contacted_share * previous[c];
                break;
            case LeverKind::acquisition:
                if (lever.volume_change > 0) {
                    const double extra = channel_volume * lever.volume_change;
                    acquired += extra;
                    cost += extra * r.cost_per_customer;
                }
                break;
            case LeverKind::price:
                for (size_t s : r.stages) margin[s] *= 1.0 + lever.margin_change;
                break;
        }
        cost_by_lever[k] += cost;
        total += cost;
    }
    return total;
}

}  // namespace

std::vector<std::vector<double>> effective_transition(const Baseline& baseline, const std::vector<Lever>& levers,
                                                      int month) {
    Matrix p = baseline.transition;
    apply_levers(p, baseline, resolve(baseline, levers), month);
    return p;
}

std::optional<Projection> project(const Baseline& b, const std::vector<Lever>& levers, Problems& problems) {
    bool ok = validate_baseline(b, problems);
    for (size_t i = 0; i < levers.size(); ++i)
        ok = validate_lever(levers[i], b, problems, "levers[" + std::to_string(i) + "]") && ok;
    if (!ok) return std::nullopt;

    const size_t n = b.stages.size();
    const int horizon = b.horizon_months;
    const std::vector<ResolvedLever> resolved = resolve(b, levers);
    const std::vector<double> base_revenue = effective_revenue(b);
    const double average_cost = average_acquisition_cost(b);

    Projection out;
    out.stages = b.stages;
    out.months.reserve(static_cast<size_t>(horizon));
    out.lever_cost_by_lever.assign(levers.size(), 0.0);

    Matrix p = b.transition;
    std::vector<double> previous = b.start_customers;
    std::vector<double> margin(n), revenue(n);
    double discount = 1.0;
    double cumulative = 0;
    for (int t = 1; t <= horizon; ++t) {
        for (size_t i = 0; i < n; ++i) std::copy(b.transition[i].begin(), b.transition[i].end(), p[i].begin());
        apply_levers(p, b, resolved, t);

        ProjectedMonth month;
        month.month = t;
        margin = b.margin;
        const double channel_volume = channel_volume_at(b, resolved, t);
        double acquired = channel_volume;
        month.lever_cost = add_lever_costs(b, resolved, t, previous, channel_volume, acquired, margin, out.lever_cost_by_lever);
        for (size_t i = 0; i < n; ++i) revenue[i] = base_revenue[i] + (margin[i] - b.margin[i]);

        month.customers.assign(n, 0.0);
        for (size_t i = 0; i < n; ++i) {
            const double from = previous[i];
            if (from == 0) continue;
            const std::vector<double>& row = p[i];
            for (size_t j = 0; j < n; ++j) month.customers[j] += from * row[j];
        }
        month.customers[static_cast<size_t>(b.entry_stage)] += acquired;
        month.new_customers = acquired;
        month.acquisition_cost = channel_volume * average_cost;
        for (size_t i = 0; i < n; ++i) {
            month.revenue += month.customers[i] * revenue[i];
            month.margin += month.customers[i] * margin[i];
            month.servicing_cost += month.customers[i] * b.servicing_cost[i];
        }
        month.cost = month.servicing_cost + month.lever_cost + month.acquisition_cost;
        month.net = month.margin - month.cost;
        discount /= 1.0 + b.discount_rate_monthly;
        month.discount_factor = discount;
        cumulative += month.net * discount;
        month.cumulative_equity = cumulative;
        out.pv_margin += month.margin * discount;
        out.pv_cost += month.cost * discount;
        out.total_lever_cost += month.lever_cost;
        previous = month.customers;
        out.months.push_back(std::move(month));
    }
    out.customer_equity = cumulative;
    return out;
}

std::optional<double> cumulative_margin(const Projection& projection, int months) {
    if (months < 0 || static_cast<size_t>(months) > projection.months.size()) return std::nullopt;
    double total = 0;
    for (int t = 0; t < months; ++t) total += projection.months[static_cast<size_t>(t)].margin;
    return total;
}

}  // namespace lcs
