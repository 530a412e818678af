// Per-customer facts as of a date, in a compact struct-of-arrays, computed once per date and read
// by staging, health and metrics. Two ways to get them, giving identical tables:
//   compute_facts(index, plan, as_of)  binary searches each customer's sorted events (one date);
//   FactSweeper::advance_to(as_of)     moves per-customer pointers forward (many ascending dates),
//                                      so a series of snapshots never re-scans old events.
// Conventions as in rules.h: as of D sees events dated <= D; a window of N days is (D - N, D].
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/workspace.h"

namespace lcs {

inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();  // "no such date"

// The workspace's events flattened per customer (CSR: offsets into date-sorted arrays). Built once
// per workspace; the workspace may change afterwards without affecting the index.
struct EventIndex {
    size_t customer_count = 0;
    std::vector<uint32_t> tx_offset;    // customer_count + 1
    std::vector<int32_t> tx_day;        // transaction dates, sorted within each customer
    std::vector<double> tx_prefix;      // per-customer running spend: entry tx_offset[c] + c + k = first k amounts
    std::vector<uint32_t> ix_offset;    // interactions
    std::vector<int32_t> ix_day;
    std::vector<int32_t> ix_type;       // index into ix_types
    std::vector<std::string> ix_types;  // distinct interaction types
    std::vector<uint32_t> nps_offset;   // survey answers that carry an NPS
    std::vector<int32_t> nps_day;
    std::vector<int8_t> nps_value;
    std::vector<uint32_t> churn_offset;  // churn events
    std::vector<int32_t> churn_day;
    std::vector<int32_t> acquired_day;    // acquired, else first purchase, else kNoDay
    std::vector<int32_t> first_seen_day;  // earliest of acquired and every event date, else kNoDay
};
EventIndex build_event_index(const Workspace& workspace);
// Type id of an interaction type in the index, or -1 when no interaction has it.
int interaction_type_id(const EventIndex& index, const std::string& type);

// Which windowed facts to compute. Slots are deduplicated; ask for a slot, keep its number.
struct FactPlan {
    std::vector<int> purchase_windows;  // days, > 0
    struct InteractionSlot {
        std::string type;  // "" = every type
        int window_days;   // 0 = all time
    };
    std::vector<InteractionSlot> interaction_slots;
    std::vector<int> churn_windows;  // days, > 0

    int purchase_window(int days);
    int interactions(const std::string& type, int window_days);
    int churn_window(int days);
};

struct FactTable {
    int32_t as_of = 0;
    std::vector<uint8_t> present;        // 1 when the customer exists by as_of (first_seen <= as_of or no dates)
    std::vector<int32_t> purchases;      // purchases by as_of
    std::vector<double> spend;           // spend by as_of
    std::vector<int32_t> last_purchase;  // day or kNoDay
    std::vector<int32_t> tenure;         // as_of - acquired_day when that day is <= as_of, else kNoDay
    std::vector<int32_t> last_nps;       // 0..10, -1 when none
    std::vector<int32_t> last_churn;     // day of the latest churn event by as_of, or kNoDay
    std::vector<std::vector<int32_t>> window_purchases;  // [purchase slot][customer]
    std::vector<std::vector<double>> window_spend;       // [purchase slot][customer]
    std::vector<std::vector<int32_t>> window_interactions;  // [interaction slot][customer]
    std::vector<std::vector<int32_t>> window_churns;        // [churn slot][customer]
};

FactTable compute_facts(const EventIndex& index, const FactPlan& plan, int32_t as_of);

// Incremental facts for ascending dates. advance_to(d) requires d >= the previous date.
class FactSweeper {
public:
    FactSweeper(const EventIndex& index, const FactPlan& plan);
    const FactTable& advance_to(int32_t as_of);

private:
    const EventIndex& index_;
    FactPlan plan_;
    FactTable table_;
    std::vector<uint32_t> tx_hi_, nps_hi_, churn_hi_;       // per customer: events dated <= as_of
    std::vector<std::vector<uint32_t>> tx_lo_;               // [slot][customer]: events dated <= as_of - window
    std::vector<std::vector<uint32_t>> ix_hi_, ix_lo_;      // [slot][customer]
    std::vector<std::vector<uint32_t>> churn_lo_;           // [slot][customer]
    std::vector<int> slot_type_;                             // interaction slot -> type id (-1 any, -2 absent)
};

}  // namespace lcs
