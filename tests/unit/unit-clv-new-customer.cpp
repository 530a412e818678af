// What a newly acquired customer is worth (core/clv/new_customer_clv.h) and the fit's per-customer
// values as stage rules read them (clv::model_scores).
#include <doctest/doctest.h>

#include <cmath>

#include "core/clv/bgnbd.h"
#include "core/clv/new_customer_clv.h"
#include "core/clv/valuation.h"

using namespace lcs;
using namespace lcs::clv;

namespace {
// The published CDNOW fits (Fader, Hardie & Lee 2005; Gamma-Gamma 2013 note), in weeks.
CountParams cdnow_counts() {
    CountParams c;
    c.model = CountModel::bgnbd;
    c.bgnbd = {0.243, 4.414, 0.793, 2.426};
    return c;
}
const GammaGammaParams kCdnowSpend{6.25, 3.74, 15.44};
}  // namespace

TEST_CASE("new customer: the population's unconditional purchases × its mean spend, discounted like a customer") {
    ClvSettings s;
    s.horizon_periods = 52;
    s.period_length = 1;  // weeks
    s.margin = 0.3;
    s.discount = 0;
    const NewCustomerValue flat = new_customer_value(cdnow_counts(), kCdnowSpend, s);
    // E[X(52)] of a customer acquired at 0 (FHL 2005 eq. 9) and the mean spend p·γ/(q − 1).
    CHECK(flat.expected_purchases == doctest::Approx(bgnbd_unconditional_purchases(cdnow_counts().bgnbd, 52)).epsilon(1e-6));
    CHECK(flat.mean_spend == doctest::Approx(6.25 * 15.44 / 2.74).epsilon(1e-9));
    // Undiscounted: margin × purchases × spend, plus the acquiring purchase.
    CHECK(flat.repeat_value == doctest::Approx(0.3 * flat.expected_purchases * flat.mean_spend).epsilon(1e-6));
    CHECK(flat.first_purchase == doctest::Approx(0.3 * flat.mean_spend));
    CHECK(flat.total() == doctest::Approx(flat.repeat_value + flat.first_purchase));
    CHECK(flat.expected_purchases > 0.5);
    CHECK(flat.expected_purchases < 2);

    s.discount = 0.01;
    const NewCustomerValue discounted = new_customer_value(cdnow_counts(), kCdnowSpend, s);
    CHECK(discounted.expected_purchases == doctest::Approx(flat.expected_purchases));
    CHECK(discounted.repeat_value < flat.repeat_value);
    CHECK(discounted.repeat_value > 0.5 * flat.repeat_value);
    // Customer_clv of an existing customer with nothing observed agrees with it.
    CustomerRfm none;
    CHECK(customer_clv(cdnow_counts(), kCdnowSpend, none, s).clv == doctest::Approx(discounted.repeat_value));

    // A longer horizon is worth more.
    s.horizon_periods = 104;
    CHECK(new_customer_value(cdnow_counts(), kCdnowSpend, s).repeat_value > discounted.repeat_value);
}

TEST_CASE("new customer and model scores from a valuation: its fit, its settings, its customers") {
    // Customer i buys 1 + i % 4 times, 20 days apart, from day 5i of 2023.
    Workspace ws;
    for (int i = 0; i < 80; ++i) {
        Customer c;
        c.id = "N" + std::to_string(i);
        for (int k = 0; k <= i % 4; ++k) {
            Transaction t;
            t.date = Date{date_from_ymd({2023, 1, 1}).days + 5 * i + 20 * k};
            t.amount = 30 + i % 7 + k;
            c.transactions.push_back(t);
        }
        ws.customers.push_back(std::move(c));
    }
    ws.meta.as_of = date_from_ymd({2024, 6, 30});
    ValuationSettings s;
    s.unit = PeriodUnit::month;
    s.holdout_periods = 3;
    const ValuationResult r = run_valuation(ws, s);
    REQUIRE(r.ok());
    const auto value = new_customer_value(r);
    REQUIRE(value);
    CHECK(value->total() == doctest::Approx(new_customer_value(r.counts, r.spend, count_clv_settings(s)).total()));
    CHECK(value->total() > 0);

    const ModelScores scores = model_scores(r, ws.customers.size() + 1);
    CHECK(scores.as_of == r.valued_at);
    CHECK(scores.horizon == 12);
    CHECK(scores.horizon_unit == "month");
    REQUIRE(scores.p_alive.size() == ws.customers.size() + 1);
    CHECK(std::isnan(scores.p_alive.back()));  // no such customer in the valuation
    for (const ValuationRow& row : r.rows) {
        const auto c = static_cast<size_t>(row.customer);
        CHECK(scores.p_alive[c] == row.value.p_alive);
        CHECK(scores.clv[c] == row.value.clv);
        CHECK(scores.expected_purchases[c] == row.value.expected_purchases);
    }

    ValuationSettings markov = s;
    markov.model = ValuationModel::simple;
    CHECK_FALSE(new_customer_value(run_valuation(ws, markov)));  // no count model, no population to draw from
}
