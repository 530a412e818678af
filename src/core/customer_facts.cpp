#include "core/customer_facts.h"

#include <algorithm>

namespace lcs {

CustomerFacts compute_customer_facts(const Customer& customer, Date as_of) {
    CustomerFacts facts;
    std::optional<Date> previous_day;
    for (const Transaction& transaction : customer.transactions) {
        if (transaction.date > as_of) break;  // sorted: nothing later counts
        ++facts.transactions;
        facts.total_spend += transaction.amount;
        if (!previous_day || transaction.date != *previous_day) ++facts.purchases;
        previous_day = transaction.date;
        if (!facts.first_purchase) facts.first_purchase = transaction.date;
        facts.last_purchase = transaction.date;
    }
    facts.repeat_purchases = std::max(facts.purchases - 1, 0);
    if (facts.purchases > 0) {
        facts.average_spend = facts.total_spend / facts.purchases;
        facts.recency_days = as_of.days - facts.last_purchase->days;
    }
    if (facts.repeat_purchases > 0)
        facts.mean_days_between_purchases =
            static_cast<double>(facts.last_purchase->days - facts.first_purchase->days) / facts.repeat_purchases;
    const std::optional<Date> start = customer.acquired ? customer.acquired : facts.first_purchase;
    if (start && *start <= as_of) facts.tenure_days = as_of.days - start->days;
    return facts;
}

WorkspaceSummary summarize_workspace(const Workspace& workspace) {
    WorkspaceSummary summary;
    summary.customers = workspace.customers.size();
    for (const Customer& customer : workspace.customers) {
        summary.transactions += customer.transactions.size();
        summary.interactions += customer.interactions.size();
        for (const Transaction& transaction : customer.transactions) {
            summary.revenue += transaction.amount;
            if (!summary.first_date || transaction.date < *summary.first_date) summary.first_date = transaction.date;
            if (!summary.last_date || transaction.date > *summary.last_date) summary.last_date = transaction.date;
        }
    }
    return summary;
}

Date analysis_date(const Workspace& workspace) {
    if (workspace.meta.as_of) return *workspace.meta.as_of;
    return last_transaction_date(workspace).value_or(kNoDataAnalysisDate);
}

std::optional<Date> last_transaction_date(const Workspace& workspace) {
    std::optional<Date> last;
    for (const Customer& customer : workspace.customers)
        for (const Transaction& transaction : customer.transactions)
            if (!last || transaction.date > *last) last = transaction.date;
    return last;
}

std::optional<Date> first_transaction_date(const Workspace& workspace) {
    std::optional<Date> first;
    for (const Customer& customer : workspace.customers)
        for (const Transaction& transaction : customer.transactions)
            if (!first || transaction.date < *first) first = transaction.date;
    return first;
}

}  // namespace lcs
