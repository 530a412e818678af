#include <doctest/doctest.h>

#include <cmath>
#include <algorithm>
#include <cstdint>
#include <set>

#include "core/customer_facts.h"
#include "core/demo_generator.h"
#include "core/workspace_io.h"

using namespace lcs;

namespace {
uint64_t fnv1a(const std::string& text) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}
}  // namespace

TEST_CASE("generator: det_log and det_exp agree with the C library to the last bits") {
    for (double x : {1e-300, 1e-10, 0.001, 0.3, 0.7071, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e100, 1e300}) {
        CHECK(det_log(x) == doctest::Approx(std::log(x)).epsilon(1e-15));
        // exp magnifies the absolute rounding of log(x) (up to ~7e-14 for 1e300) into relative error.
        CHECK(det_exp(std::log(x)) == doctest::Approx(x).epsilon(2e-13));
    }
    CHECK(det_log(1.0) == 0.0);
    CHECK(det_exp(0.0) == 1.0);
    CHECK(std::isinf(det_exp(1000)));
    CHECK(det_exp(-1000) == 0.0);
    CHECK(std::isnan(det_log(-1)));
}

TEST_CASE("generator: uniform numbers come straight from mt19937_64") {
    // The C++ standard fixes mt19937_64's output: the first value for seed 5489 is 14514284786278117030.
    DeterministicRandom random(5489);
    CHECK(random.uniform() == static_cast<double>(14514284786278117030ull >> 11) * 0x1.0p-53);
}

TEST_CASE("generator: distributions have the right means") {
    DeterministicRandom random(11);
    const int n = 20000;
    double gamma_small = 0, gamma_large = 0, expo = 0, beta = 0, poisson = 0, normal = 0, normal_sq = 0;
    for (int i = 0; i < n; ++i) {
        gamma_small += random.gamma(0.5, 2.0);  // mean 1, sd sqrt(2)
        gamma_large += random.gamma(6.0, 0.5);  // mean 3, sd sqrt(1.5)
        expo += random.exponential(4.0);        // mean 0.25
        beta += random.beta(2.0, 6.0);          // mean 0.25
        poisson += random.poisson(3.0);         // mean 3
        const double z = random.normal(1.0, 2.0);
        normal += z;
        normal_sq += (z - 1) * (z - 1);
    }
    // Tolerances are ~4 standard errors.
    CHECK(gamma_small / n == doctest::Approx(1.0).epsilon(0.04));
    CHECK(gamma_large / n == doctest::Approx(3.0).epsilon(0.012));
    CHECK(expo / n == doctest::Approx(0.25).epsilon(0.03));
    CHECK(beta / n == doctest::Approx(0.25).epsilon(0.02));
    CHECK(poisson / n == doctest::Approx(3.0).epsilon(0.02));
    CHECK(normal / n == doctest::Approx(1.0).epsilon(0.06));
    CHECK(std::sqrt(normal_sq / n) == doctest::Approx(2.0).epsilon(0.02));
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 3000; ++i) ++counts[random.uniform_int(0, 2)];
    for (int count : counts) CHECK(std::abs(count - 1000) < 120);
}

TEST_CASE("generator: same seed, same bytes; another seed, other data") {
    const std::string a = save_workspace_json(generate_ecommerce_demo(5, 200), 0);
    CHECK(a == save_workspace_json(generate_ecommerce_demo(5, 200), 0));
    CHECK(a != save_workspace_json(generate_ecommerce_demo(6, 200), 0));
    const std::string s = save_workspace_json(generate_saas_demo(5, 50), 0);
    CHECK(s == save_workspace_json(generate_saas_demo(5, 50), 0));
    // Pinned so that the WebAssembly run of this suite proves the browser generates the very same data
    // as the native build (std::*_distribution and libm would not).
    CHECK(fnv1a(a) == 817426027341733726ull);
    CHECK(fnv1a(s) == 2055782012579683321ull);
}

TEST_CASE("generator: e-commerce demo is a plausible, valid shop") {
    const Workspace w = generate_ecommerce_demo(2024, 1000);
    REQUIRE(w.customers.size() == 1000);
    const WorkspaceSummary summary = summarize_workspace(w);
    CHECK(to_iso(*summary.last_date) <= "2024-12-31");
    CHECK(to_iso(*summary.first_date) >= "2023-01-01");
    int repeaters = 0, churned = 0, chinese = 0, surveyed = 0, prospects = 0;
    std::set<std::string> segments, channels, types;
    for (const Customer& c : w.customers) {
        const CustomerFacts facts = compute_customer_facts(c, *w.meta.as_of);
        repeaters += facts.repeat_purchases > 0;
        prospects += c.transactions.empty();
        CHECK(c.transactions.empty() == (c.segment == "Prospect"));
        churned += !c.churn_events.empty();
        chinese += static_cast<unsigned char>(c.name[0]) >= 0x80;
        surveyed += !c.surveys.empty();
        segments.insert(c.segment);
        channels.insert(c.channel);
        for (const Interaction& i : c.interactions) types.insert(i.type);
        for (const SurveyAnswer& s : c.surveys) CHECK((*s.nps >= 0 && *s.nps <= 10));
        for (size_t k = 1; k < c.transactions.size(); ++k) CHECK(c.transactions[k - 1].date <= c.transactions[k].date);
    }
    // Roughly: a third to two thirds buy again, some churn is recorded, ~30% Chinese names, ~35% answer NPS.
    CHECK(prospects > 80);  // ~12% have signed up without buying
    CHECK(prospects < 160);
    CHECK(repeaters > 300);
    CHECK(repeaters < 700);
    CHECK(churned > 50);
    CHECK(chinese > 220);
    CHECK(chinese < 380);
    CHECK(surveyed > 280);
    CHECK(surveyed < 420);
    CHECK(segments.size() == 5);  // Premium, Loyal, Regular, One-time and Prospect (never bought)
    CHECK(channels.size() == 6);
    CHECK(types == std::set<std::string>{"chat", "complaint", "email", "referral"});
    CHECK(load_workspace_json(save_workspace_json(w, 0)).ok());
}

TEST_CASE("generator: SaaS demo pays monthly by plan") {
    const Workspace w = generate_saas_demo(2024, 200);
    REQUIRE(w.customers.size() == 200);
    int churned = 0, trials = 0, referrers = 0, pauses = 0;
    for (const Customer& c : w.customers) {
        const bool trial = std::find(c.tags.begin(), c.tags.end(), "trial") != c.tags.end();
        trials += trial;
        CHECK(c.transactions.empty() == trial);  // trials have not paid yet
        for (const Interaction& i : c.interactions) referrers += i.type == "referral";
        churned += !c.churn_events.empty();
        for (const Transaction& t : c.transactions)
            CHECK((t.amount == 49 || t.amount == 199 || t.amount == 999 || t.amount == 1998 || t.amount == 2997));
        // Consecutive payments are one calendar month apart (28..31 days), or 3..7 months after a pause.
        bool paused = false;
        for (const Interaction& i : c.interactions) paused |= i.note == "Paused subscription";
        pauses += paused;
        for (size_t k = 1; k < c.transactions.size(); ++k) {
            const int gap = c.transactions[k].date.days - c.transactions[k - 1].date.days;
            CHECK((gap >= 28 && (gap <= 31 || (paused && gap <= 7 * 31))));
        }
        if (!c.churn_events.empty()) CHECK(c.churn_events[0].date > c.transactions.back().date);
    }
    CHECK(churned > 20);
    CHECK(trials > 10);
    CHECK(trials < 45);
    CHECK(referrers > 0);
    CHECK(pauses > 0);
    CHECK(load_workspace_json(save_workspace_json(w, 0)).ok());
}

TEST_CASE("generator: bench workspace has exactly the requested size") {
    const Workspace w = generate_bench_workspace(3, 70, 1003);
    const WorkspaceSummary summary = summarize_workspace(w);
    CHECK(summary.customers == 70);
    CHECK(summary.transactions == 1003);
    CHECK(w.customers[0].transactions.size() == 15);  // 1003 = 70 * 14 + 23: the first 23 get one more
    CHECK(w.customers[69].transactions.size() == 14);
    CHECK(summarize_workspace(generate_bench_workspace(3, 5, 0)).transactions == 0);
}
