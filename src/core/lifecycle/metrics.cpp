#include "core/lifecycle/metrics.h"

#include <algorithm>
#include <map>

namespace lcs {

namespace {

int months_in(PeriodKind kind) { return kind == PeriodKind::month ? 1 : kind == PeriodKind::quarter ? 3 : 12; }

// First index in [begin, end) with day >= d.
uint32_t lower(const std::vector<int32_t>& days, uint32_t begin, uint32_t end, int32_t d) {
    return static_cast<uint32_t>(std::lower_bound(days.begin() + begin, days.begin() + end, d) - days.begin());
}

// Everything the metrics need about one customer in one period, read from the event index.
struct CustomerPeriod {
    bool present_start = false, active_start = false, active_end = false;
    int purchases_before_start = 0, purchases_before_end = 0, purchases_now = 0, purchases_previous = 0;
    double revenue_now = 0, revenue_previous = 0;
    int complaints = 0, interactions = 0, referrals = 0;
    int last_nps = -1;
    int32_t first_purchase = kNoDay;
};

bool active_at(const EventIndex& x, size_t c, int32_t boundary, int active_days) {
    const uint32_t tb = x.tx_offset[c];
    const uint32_t hi = lower(x.tx_day, tb, x.tx_offset[c + 1], boundary);
    if (hi == tb) return false;
    const int32_t last = x.tx_day[hi - 1];
    if (last < boundary - active_days) return false;
    const uint32_t cb = x.churn_offset[c], ce = x.churn_offset[c + 1];
    return lower(x.churn_day, cb, ce, last) == lower(x.churn_day, cb, ce, boundary);
}

CustomerPeriod read_customer(const EventIndex& x, size_t c, const Period& p, int active_days, int complaint_type,
                             int referral_type) {
    CustomerPeriod r;
    r.present_start = x.first_seen_day[c] == kNoDay || x.first_seen_day[c] < p.start.days;
    r.active_start = active_at(x, c, p.start.days, active_days);
    r.active_end = active_at(x, c, p.end.days, active_days);
    const uint32_t tb = x.tx_offset[c], te = x.tx_offset[c + 1];
    const double* prefix = &x.tx_prefix[tb + c];
    const uint32_t i_prev = lower(x.tx_day, tb, te, p.previous_start.days);
    const uint32_t i_start = lower(x.tx_day, tb, te, p.start.days);
    const uint32_t i_end = lower(x.tx_day, tb, te, p.end.days);
    r.purchases_before_start = static_cast<int>(i_start - tb);
    r.purchases_before_end = static_cast<int>(i_end - tb);
    r.purchases_now = static_cast<int>(i_end - i_start);
    r.purchases_previous = static_cast<int>(i_start - i_prev);
    r.revenue_now = prefix[i_end - tb] - prefix[i_start - tb];
    r.revenue_previous = prefix[i_start - tb] - prefix[i_prev - tb];
    if (te > tb) r.first_purchase = x.tx_day[tb];

    const uint32_t ib = x.ix_offset[c], ie = x.ix_offset[c + 1];
    const uint32_t k_end = lower(x.ix_day, ib, ie, p.end.days);
    for (uint32_t k = lower(x.ix_day, ib, ie, p.start.days); k < k_end; ++k) {
        ++r.interactions;
        r.complaints += x.ix_type[k] == complaint_type;
        r.referrals += x.ix_type[k] == referral_type;
    }
    const uint32_t nb = x.nps_offset[c], ne = x.nps_offset[c + 1];
    const uint32_t n_start = lower(x.nps_day, nb, ne, p.start.days);
    const uint32_t n_end = lower(x.nps_day, nb, ne, p.end.days);
    if (n_end > n_start) r.last_nps = x.nps_value[n_end - 1];
    return r;
}

// When the customer first became a lead: the explicit acquisition date, else the first recorded
// interaction (a CRM's first contact); kNoDay when neither is known.
int32_t first_contact_day(const Workspace& workspace, const EventIndex& x, size_t c) {
    if (c < workspace.customers.size() && workspace.customers[c].acquired) return workspace.customers[c].acquired->days;
    return x.ix_offset[c + 1] > x.ix_offset[c] ? x.ix_day[x.ix_offset[c]] : kNoDay;
}

// Sums per group, then the rates from the sums.
struct Accumulator {
    GroupMetrics m;
    long long convert_days = 0;

    void add(const CustomerPeriod& r, int32_t first_contact_day, const Period& p) {
        m.customers_start += r.active_start;
        m.customers_end += r.active_end;
        m.new_or_returning += r.active_end && !r.active_start;
        m.revenue += r.revenue_now;
        if (r.active_start) m.revenue_retained += r.revenue_now;
        if (r.purchases_previous > 0) {
            ++m.payers_previous;
            m.renewed += r.purchases_now > 0;
            m.revenue_previous_payers += r.revenue_previous;
            m.revenue_previous_payers_now += r.revenue_now;
        }
        if (r.purchases_now > 0) {
            ++m.buyers;
            m.repeat_buyers += r.purchases_before_end >= 2;
        }
        if (r.active_start || r.active_end) {
            ++m.population;
            m.complainers += r.complaints > 0;
            m.interactions += r.interactions;
            m.referrals += r.referrals;
        }
        if (r.last_nps >= 0) {
            ++m.nps_responses;
            m.promoters += r.last_nps >= 9;
            m.detractors += r.last_nps <= 6;
        }
        if (r.present_start && r.purchases_before_start == 0) {
            ++m.leads_start;
            m.leads_converted += r.purchases_now > 0;
        }
        if (r.first_purchase != kNoDay && r.first_purchase >= p.start.days && r.first_purchase < p.end.days) {
            ++m.first_purchases;
            if (first_contact_day != kNoDay && first_contact_day <= r.first_purchase) {
                convert_days += r.first_purchase - first_contact_day;
                ++m.converted_with_contact;
            }
        }
    }

    GroupMetrics finish() {
        auto ratio = [](double a, double b) -> std::optional<double> {
            if (b <= 0) return std::nullopt;
            return a / b;
        };
        const int retained = m.customers_end - m.new_or_returning;
        m.retention_rate = ratio(retained, m.customers_start);
        if (m.retention_rate) m.churn_rate = 1.0 - *m.retention_rate;
        m.renewal_rate = ratio(m.renewed, m.payers_previous);
        m.net_revenue_retention = ratio(m.revenue_previous_payers_now, m.revenue_previous_payers);
        m.repeat_purchase_rate = ratio(m.repeat_buyers, m.buyers);
        m.complaint_rate = ratio(m.complainers, m.population);
        m.engagement = ratio(m.interactions, m.population);
        if (m.nps_responses > 0) m.nps = 100.0 * (m.promoters - m.detractors) / m.nps_responses;
        m.lead_conversion_rate = ratio(m.leads_converted, m.leads_start);
        m.days_to_convert = ratio(static_cast<double>(convert_days), m.converted_with_contact);
        return m;
    }
};

}  // namespace

Period calendar_period(Date date, PeriodKind kind) {
    const int months = months_in(kind);
    const YearMonthDay ymd = ymd_from_date(date);
    const int first_month = (ymd.month - 1) / months * months + 1;
    const Date start = date_from_ymd({ymd.year, first_month, 1});
    return {start, add_months(start, months), add_months(start, -months)};
}

Period last_complete_period(Date as_of, PeriodKind kind) {
    const Period containing = calendar_period(as_of, kind);
    if (containing.end.days - 1 == as_of.days) return containing;
    return calendar_period(Date{containing.start.days - 1}, kind);
}

std::optional<PeriodKind> period_kind_from_id(const std::string& id) {
    if (id == "month") return PeriodKind::month;
    if (id == "quarter") return PeriodKind::quarter;
    if (id == "year") return PeriodKind::year;
    return std::nullopt;
}

PeriodMetrics compute_period_metrics(const Workspace& workspace, const EventIndex& index, const LifecycleModel& model,
                                     const Period& period, const MetricsOptions& options) {
    PeriodMetrics out;
    out.period = period;
    out.options = options;
    const int active_days = std::max(1, options.active_days);
    const int complaint_type = interaction_type_id(index, "complaint");
    const int referral_type = interaction_type_id(index, "referral");
    const int stage_count = static_cast<int>(model.stages.size());

    const StageAssignment at_start = assign_stages(workspace, index, model, Date{period.start.days - 1});
    const StageAssignment at_end = assign_stages(workspace, index, model, Date{period.end.days - 1});
    out.stage_flow = transition_matrix(at_start.stage, at_end.stage, stage_count);

    Accumulator overall;
    overall.m.group = "all";
    std::vector<Accumulator> stages(stage_count);
    for (int s = 0; s < stage_count; ++s) stages[s].m.group = model.stages[s].id;
    std::map<std::string, Accumulator> segments;

    for (size_t c = 0; c < index.customer_count; ++c) {
        const CustomerPeriod r = read_customer(index, c, period, active_days, complaint_type, referral_type);
        const int32_t contact = first_contact_day(workspace, index, c);
        overall.add(r, contact, period);
        if (at_start.stage[c] >= 0) stages[at_start.stage[c]].add(r, contact, period);
        const std::string& segment = c < workspace.customers.size() ? workspace.customers[c].segment : std::string();
        Accumulator& acc = segments[segment.empty() ? "(none)" : segment];
        acc.m.group = segment.empty() ? "(none)" : segment;
        acc.add(r, contact, period);
    }
    out.overall = overall.finish();
    for (Accumulator& acc : stages) out.by_stage.push_back(acc.finish());
    for (auto& [name, acc] : segments) out.by_segment.push_back(acc.finish());
    return out;
}

CohortTable cohort_retention(const Workspace& workspace, Date as_of, CohortPeriod period, CohortBasis basis) {
    CohortTable table;
    table.period = period;
    table.basis = basis;
    std::map<int32_t, CohortRow> rows;
    for (const Customer& c : workspace.customers) {
        std::vector<int32_t> days;
        for (const Transaction& t : c.transactions) days.push_back(t.date.days);
        std::sort(days.begin(), days.end());
        std::optional<Date> origin;
        if (basis == CohortBasis::acquired && c.acquired) origin = c.acquired;
        else if (!days.empty()) origin = Date{days.front()};
        if (!origin || *origin > as_of) continue;
        const Date month = month_start(*origin);
        CohortRow& row = rows[month.days];
        row.month = month;
        ++row.size;
        int columns = 0;
        if (period == CohortPeriod::calendar_month) columns = months_between(month, as_of) + 1;
        else columns = (as_of.days - origin->days) / 30 + 1;
        if (static_cast<int>(row.eligible.size()) < columns) {
            row.eligible.resize(columns, 0);
            row.active.resize(columns, 0);
        }
        std::vector<char> seen(columns, 0);
        for (int32_t d : days) {
            if (d > as_of.days || d < origin->days) continue;
            const int k = period == CohortPeriod::calendar_month ? months_between(month, Date{d})
                                                                 : (d - origin->days) / 30;
            if (k >= 0 && k < columns) seen[k] = 1;
        }
        for (int k = 0; k < columns; ++k) {
            ++row.eligible[k];
            row.active[k] += seen[k];
        }
    }
    for (auto& [key, row] : rows) {
        row.share.assign(row.eligible.size(), 0.0);
        for (size_t k = 0; k < row.eligible.size(); ++k)
            if (row.eligible[k] > 0) row.share[k] = static_cast<double>(row.active[k]) / row.eligible[k];
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace lcs
