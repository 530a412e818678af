#include "core/lifecycle/facts.h"

#include <algorithm>
#include <numeric>

namespace lcs {

namespace {

// Visits events in date order. The workspace keeps them sorted (the common, allocation-free path),
// but an index must not depend on callers keeping that promise.
template <class Event, class Key, class Visit>
void for_each_by_date(const std::vector<Event>& events, Key key, Visit visit) {
    bool sorted = true;
    for (size_t k = 1; k < events.size() && sorted; ++k) sorted = !(key(events[k]) < key(events[k - 1]));
    if (sorted) {
        for (const Event& e : events) visit(e);
        return;
    }
    std::vector<uint32_t> order(events.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return key(events[a]) < key(events[b]); });
    for (uint32_t k : order) visit(events[k]);
}

uint32_t upper(const std::vector<int32_t>& days, uint32_t begin, uint32_t end, int64_t day) {
    if (day < std::numeric_limits<int32_t>::min()) return begin;
    return static_cast<uint32_t>(std::upper_bound(days.begin() + begin, days.begin() + end,
                                                  static_cast<int32_t>(day)) - days.begin());
}

void min_day(int32_t& acc, int32_t day) {
    if (acc == kNoDay || day < acc) acc = day;
}

void size_table(FactTable& t, const FactPlan& plan, size_t n) {
    t.present.assign(n, 0);
    t.purchases.assign(n, 0);
    t.spend.assign(n, 0.0);
    t.last_purchase.assign(n, kNoDay);
    t.tenure.assign(n, kNoDay);
    t.last_nps.assign(n, -1);
    t.last_churn.assign(n, kNoDay);
    t.window_purchases.assign(plan.purchase_windows.size(), std::vector<int32_t>(n, 0));
    t.window_spend.assign(plan.purchase_windows.size(), std::vector<double>(n, 0.0));
    t.window_interactions.assign(plan.interaction_slots.size(), std::vector<int32_t>(n, 0));
    t.window_churns.assign(plan.churn_windows.size(), std::vector<int32_t>(n, 0));
}

bool type_matches(int slot_type, int32_t type) { return slot_type == -1 || slot_type == type; }

std::vector<int> slot_types(const EventIndex& index, const FactPlan& plan) {
    std::vector<int> types;
    for (const auto& slot : plan.interaction_slots) {
        if (slot.type.empty()) {
            types.push_back(-1);
        } else {
            const int id = interaction_type_id(index, slot.type);
            types.push_back(id < 0 ? -2 : id);
        }
    }
    return types;
}

}  // namespace

EventIndex build_event_index(const Workspace& workspace) {
    EventIndex index;
    const size_t n = workspace.customers.size();
    index.customer_count = n;
    index.tx_offset.reserve(n + 1);
    index.ix_offset.reserve(n + 1);
    index.nps_offset.reserve(n + 1);
    index.churn_offset.reserve(n + 1);
    index.acquired_day.assign(n, kNoDay);
    index.first_seen_day.assign(n, kNoDay);
    size_t tx_total = 0;
    for (const Customer& c : workspace.customers) tx_total += c.transactions.size();
    index.tx_day.reserve(tx_total);
    index.tx_prefix.reserve(tx_total + n);

    for (size_t i = 0; i < n; ++i) {
        const Customer& c = workspace.customers[i];
        int32_t& first_seen = index.first_seen_day[i];

        index.tx_offset.push_back(static_cast<uint32_t>(index.tx_day.size()));
        double running = 0;
        index.tx_prefix.push_back(0.0);
        for_each_by_date(c.transactions, [](const Transaction& t) { return t.date.days; }, [&](const Transaction& t) {
            index.tx_day.push_back(t.date.days);
            running += t.amount;
            index.tx_prefix.push_back(running);
        });
        if (c.acquired) {
            index.acquired_day[i] = c.acquired->days;
        } else if (!c.transactions.empty()) {
            index.acquired_day[i] = index.tx_day[index.tx_offset.back()];
        }
        if (index.acquired_day[i] != kNoDay) min_day(first_seen, index.acquired_day[i]);
        if (!c.transactions.empty()) min_day(first_seen, index.tx_day[index.tx_offset.back()]);

        index.ix_offset.push_back(static_cast<uint32_t>(index.ix_day.size()));
        for_each_by_date(c.interactions, [](const Interaction& x) { return x.date.days; }, [&](const Interaction& x) {
            auto found = std::find(index.ix_types.begin(), index.ix_types.end(), x.type);
            if (found == index.ix_types.end()) found = index.ix_types.insert(index.ix_types.end(), x.type);
            index.ix_day.push_back(x.date.days);
            index.ix_type.push_back(static_cast<int32_t>(found - index.ix_types.begin()));
            min_day(first_seen, x.date.days);
        });

        index.nps_offset.push_back(static_cast<uint32_t>(index.nps_day.size()));
        for_each_by_date(c.surveys, [](const SurveyAnswer& s) { return s.date.days; }, [&](const SurveyAnswer& s) {
            min_day(first_seen, s.date.days);
            if (!s.nps || *s.nps < 0 || *s.nps > 10) return;
            index.nps_day.push_back(s.date.days);
            index.nps_value.push_back(static_cast<int8_t>(*s.nps));
        });

        index.churn_offset.push_back(static_cast<uint32_t>(index.churn_day.size()));
        for_each_by_date(c.churn_events, [](const ChurnEvent& e) { return e.date.days; }, [&](const ChurnEvent& e) {
            index.churn_day.push_back(e.date.days);
            min_day(first_seen, e.date.days);
        });
    }
    index.tx_offset.push_back(static_cast<uint32_t>(index.tx_day.size()));
    index.ix_offset.push_back(static_cast<uint32_t>(index.ix_day.size()));
    index.nps_offset.push_back(static_cast<uint32_t>(index.nps_day.size()));
    index.churn_offset.push_back(static_cast<uint32_t>(index.churn_day.size()));
    return index;
}

int interaction_type_id(const EventIndex& index, const std::string& type) {
    for (size_t i = 0; i < index.ix_types.size(); ++i)
        if (index.ix_types[i] == type) return static_cast<int>(i);
    return -1;
}

int FactPlan::purchase_window(int days) {
    for (size_t i = 0; i < purchase_windows.size(); ++i)
        if (purchase_windows[i] == days) return static_cast<int>(i);
    purchase_windows.push_back(days);
    return static_cast<int>(purchase_windows.size() - 1);
}

int FactPlan::interactions(const std::string& type, int window_days) {
    for (size_t i = 0; i < interaction_slots.size(); ++i)
        if (interaction_slots[i].type == type && interaction_slots[i].window_days == window_days)
            return static_cast<int>(i);
    interaction_slots.push_back({type, window_days});
    return static_cast<int>(interaction_slots.size() - 1);
}

int FactPlan::churn_window(int days) {
    for (size_t i = 0; i < churn_windows.size(); ++i)
        if (churn_windows[i] == days) return static_cast<int>(i);
    churn_windows.push_back(days);
    return static_cast<int>(churn_windows.size() - 1);
}

FactTable compute_facts(const EventIndex& index, const FactPlan& plan, int32_t as_of) {
    const size_t n = index.customer_count;
    FactTable t;
    t.as_of = as_of;
    size_table(t, plan, n);
    const std::vector<int> types = slot_types(index, plan);
    for (size_t c = 0; c < n; ++c) {
        t.present[c] = index.first_seen_day[c] == kNoDay || index.first_seen_day[c] <= as_of;
        if (index.acquired_day[c] != kNoDay && index.acquired_day[c] <= as_of)
            t.tenure[c] = as_of - index.acquired_day[c];
        const uint32_t tb = index.tx_offset[c], te = index.tx_offset[c + 1];
        const uint32_t hi = upper(index.tx_day, tb, te, as_of);
        const double* prefix = &index.tx_prefix[tb + c];
        t.purchases[c] = static_cast<int32_t>(hi - tb);
        t.spend[c] = prefix[hi - tb];
        if (hi > tb) t.last_purchase[c] = index.tx_day[hi - 1];
        for (size_t s = 0; s < plan.purchase_windows.size(); ++s) {
            const uint32_t lo = upper(index.tx_day, tb, hi, int64_t{as_of} - plan.purchase_windows[s]);
            t.window_purchases[s][c] = static_cast<int32_t>(hi - lo);
            t.window_spend[s][c] = prefix[hi - tb] - prefix[lo - tb];
        }

        const uint32_t nb = index.nps_offset[c];
        const uint32_t nhi = upper(index.nps_day, nb, index.nps_offset[c + 1], as_of);
        if (nhi > nb) t.last_nps[c] = index.nps_value[nhi - 1];

        const uint32_t cb = index.churn_offset[c];
        const uint32_t chi = upper(index.churn_day, cb, index.churn_offset[c + 1], as_of);
        if (chi > cb) t.last_churn[c] = index.churn_day[chi - 1];
        for (size_t s = 0; s < plan.churn_windows.size(); ++s)
            t.window_churns[s][c] =
                static_cast<int32_t>(chi - upper(index.churn_day, cb, chi, int64_t{as_of} - plan.churn_windows[s]));

        const uint32_t ib = index.ix_offset[c];
        const uint32_t ihi = upper(index.ix_day, ib, index.ix_offset[c + 1], as_of);
        for (size_t s = 0; s < plan.interaction_slots.size(); ++s) {
            if (types[s] == -2) continue;
            const int w = plan.interaction_slots[s].window_days;
            const uint32_t ilo = w > 0 ? upper(index.ix_day, ib, ihi, int64_t{as_of} - w) : ib;
            int32_t count = 0;
            for (uint32_t k = ilo; k < ihi; ++k) count += type_matches(types[s], index.ix_type[k]);
            t.window_interactions[s][c] = count;
        }
    }
    return t;
}

FactSweeper::FactSweeper(const EventIndex& index, const FactPlan& plan) : index_(index), plan_(plan) {
    const size_t n = index.customer_count;
    size_table(table_, plan_, n);
    tx_hi_.assign(index.tx_offset.begin(), index.tx_offset.end() - 1);
    nps_hi_.assign(index.nps_offset.begin(), index.nps_offset.end() - 1);
    churn_hi_.assign(index.churn_offset.begin(), index.churn_offset.end() - 1);
    tx_lo_.assign(plan_.purchase_windows.size(), tx_hi_);
    churn_lo_.assign(plan_.churn_windows.size(), churn_hi_);
    const std::vector<uint32_t> ix_begin(index.ix_offset.begin(), index.ix_offset.end() - 1);
    ix_hi_.assign(plan_.interaction_slots.size(), ix_begin);
    ix_lo_.assign(plan_.interaction_slots.size(), ix_begin);
    slot_type_ = slot_types(index, plan_);
}

const FactTable& FactSweeper::advance_to(int32_t as_of) {
    FactTable& t = table_;
    t.as_of = as_of;
    const EventIndex& x = index_;
    for (size_t c = 0; c < x.customer_count; ++c) {
        t.present[c] = x.first_seen_day[c] == kNoDay || x.first_seen_day[c] <= as_of;
        t.tenure[c] = x.acquired_day[c] != kNoDay && x.acquired_day[c] <= as_of ? as_of - x.acquired_day[c] : kNoDay;
        const uint32_t tb = x.tx_offset[c], te = x.tx_offset[c + 1];
        uint32_t& hi = tx_hi_[c];
        while (hi < te && x.tx_day[hi] <= as_of) ++hi;
        const double* prefix = &x.tx_prefix[tb + c];
        t.purchases[c] = static_cast<int32_t>(hi - tb);
        t.spend[c] = prefix[hi - tb];
        if (hi > tb) t.last_purchase[c] = x.tx_day[hi - 1];
        for (size_t s = 0; s < plan_.purchase_windows.size(); ++s) {
            uint32_t& lo = tx_lo_[s][c];
            const int64_t edge = int64_t{as_of} - plan_.purchase_windows[s];
            while (lo < hi && x.tx_day[lo] <= edge) ++lo;
            t.window_purchases[s][c] = static_cast<int32_t>(hi - lo);
            t.window_spend[s][c] = prefix[hi - tb] - prefix[lo - tb];
        }

        const uint32_t nb = x.nps_offset[c], ne = x.nps_offset[c + 1];
        uint32_t& nhi = nps_hi_[c];
        while (nhi < ne && x.nps_day[nhi] <= as_of) ++nhi;
        if (nhi > nb) t.last_nps[c] = x.nps_value[nhi - 1];

        const uint32_t cb = x.churn_offset[c], ce = x.churn_offset[c + 1];
        uint32_t& chi = churn_hi_[c];
        while (chi < ce && x.churn_day[chi] <= as_of) ++chi;
        if (chi > cb) t.last_churn[c] = x.churn_day[chi - 1];
        for (size_t s = 0; s < plan_.churn_windows.size(); ++s) {
            uint32_t& lo = churn_lo_[s][c];
            const int64_t edge = int64_t{as_of} - plan_.churn_windows[s];
            while (lo < chi && x.churn_day[lo] <= edge) ++lo;
            t.window_churns[s][c] = static_cast<int32_t>(chi - lo);
        }

        const uint32_t ie = x.ix_offset[c + 1];
        for (size_t s = 0; s < plan_.interaction_slots.size(); ++s) {
            const int type = slot_type_[s];
            if (type == -2) continue;
            int32_t& count = t.window_interactions[s][c];
            uint32_t& ihi = ix_hi_[s][c];
            while (ihi < ie && x.ix_day[ihi] <= as_of) count += type_matches(type, x.ix_type[ihi++]);
            const int w = plan_.interaction_slots[s].window_days;
            if (w > 0) {
                uint32_t& ilo = ix_lo_[s][c];
                const int64_t edge = int64_t{as_of} - w;
                while (ilo < ihi && x.ix_day[ilo] <= edge) count -= type_matches(type, x.ix_type[ilo++]);
            }
        }
    }
    return t;
}

}  // namespace lcs
