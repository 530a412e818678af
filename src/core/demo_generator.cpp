#include "core/demo_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace lcs {

// ---- reproducible elementary functions ----

namespace {
// fdlibm's split of ln 2: k * kLn2Hi is exact for the exponents used here.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;
}  // namespace

double det_log(double x) {
    if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (std::isinf(x)) return x;
    int exponent = 0;
    double m = std::frexp(x, &exponent);  // x = m * 2^exponent, m in [0.5, 1)
    if (m < kSqrtHalf) {
        m *= 2;
        --exponent;
    }
    // log(m) = 2 atanh(s) with |s| <= 0.172: the odd series converges to double precision in 13 terms.
    const double s = (m - 1) / (m + 1);
    const double s2 = s * s;
    double series = 1.0 / 27;
    for (int k = 12; k >= 0; --k) series = series * s2 + 1.0 / (2 * k + 1);
    const double e = exponent;
    return e * kLn2Hi + (e * kLn2Lo + 2 * s * series);
}

double det_exp(double x) {
    if (std::isnan(x)) return x;
    if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
    if (x < -745.2) return 0;
    const double k = std::floor(x * kInvLn2 + 0.5);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| <= 0.35
    double series = 1;
    for (int n = 20; n >= 1; --n) series = 1 + series * r / n;
    return std::ldexp(series, static_cast<int>(k));
}

// ---- random numbers ----

double DeterministicRandom::uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

double DeterministicRandom::uniform(double low, double high) { return low + (high - low) * uniform(); }

int DeterministicRandom::uniform_int(int low, int high) {
    const double span = static_cast<double>(high) - low + 1;
    const int value = low + static_cast<int>(uniform() * span);
    return std::min(value, high);
}

bool DeterministicRandom::chance(double probability) { return uniform() < probability; }

double DeterministicRandom::exponential(double rate) { return -det_log(1 - uniform()) / rate; }

double DeterministicRandom::normal(double mean, double sd) {
    for (;;) {
        const double u = 2 * uniform() - 1;
        const double v = 2 * uniform() - 1;
        const double s = u * u + v * v;
        if (s >= 1 || s == 0) continue;
        return mean + sd * u * std::sqrt(-2 * det_log(s) / s);
    }
}

double DeterministicRandom::gamma(double shape, double scale) {
    if (shape < 1) {
        // Boost to shape + 1, then scale by U^(1/shape) (Marsaglia & Tsang 2000, section 6).
        const double boosted = gamma(shape + 1, scale);
        return boosted * det_exp(det_log(1 - uniform()) / shape);
    }
    const double d = shape - 1.0 / 3;
    const double c = 1 / std::sqrt(9 * d);
    for (;;) {
        const double x = normal(0, 1);
        double v = 1 + c * x;
        if (v <= 0) continue;
        v = v * v * v;
        const double u = uniform();
        if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
        if (u > 0 && det_log(u) < 0.5 * x * x + d * (1 - v + det_log(v))) return d * v * scale;
    }
}

double DeterministicRandom::beta(double a, double b) {
    const double x = gamma(a, 1);
    const double y = gamma(b, 1);
    return x / (x + y);
}

int DeterministicRandom::poisson(double mean) {
    int count = 0;
    double time = exponential(1);
    while (time <= mean) {
        ++count;
        time += exponential(1);
    }
    return count;
}

// ---- shared pieces ----

namespace {

constexpr int kFirstYear = 2023;

double round_cents(double value) { return std::round(value * 100) / 100; }

Date ymd(int year, int month, int day) { return date_from_ymd({year, month, day}); }

Date random_date(DeterministicRandom& random, Date low, Date high) {
    if (high < low) return low;
    return Date{random.uniform_int(low.days, high.days)};
}

// Same day of month `months` later, clamped to the month's last day (Jan 31 -> Feb 28/29).
Date same_day_months_later(Date start, int months) {
    const YearMonthDay first = ymd_from_date(start);
    const YearMonthDay target = ymd_from_date(add_months(month_start(start), months));
    return ymd(target.year, target.month, std::min(first.day, days_in_month(target.year, target.month)));
}

template <std::size_t N>
const char* pick(DeterministicRandom& random, const std::array<const char*, N>& items) {
    return items[static_cast<std::size_t>(random.uniform_int(0, static_cast<int>(N) - 1))];
}

std::string numbered_id(const char* prefix, int number, int width) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%0*d", prefix, width, number);
    return buffer;
}

const std::array<const char*, 24> kGivenNames = {"Emma",  "Liam",   "Olivia", "Noah",   "Ava",    "Lucas",
                                                 "Mia",   "Ethan",  "Sofia",  "Mason",  "Chloe",  "James",
                                                 "Grace", "Daniel", "Hannah", "Samuel", "Laura",  "David",
                                                 "Nora",  "Felix",  "Julia",  "Oscar",  "Alice",  "Henry"};
const std::array<const char*, 20> kFamilyNames = {"Smith",  "Johnson", "Brown",  "Garcia", "Miller",
                                                  "Davis",  "Wilson",  "Taylor", "Clark",  "Lewis",
                                                  "Walker", "Young",   "King",   "Wright", "Lopez",
                                                  "Hill",   "Green",   "Baker",  "Müller", "Rossi"};
const std::array<const char*, 16> kChineseSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                                      "吴", "周", "徐", "孙", "马", "朱", "胡", "林"};
const std::array<const char*, 20> kChineseGiven = {"伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",
                                                   "磊",   "洋",   "艳",   "俊杰", "晓明", "思远", "雨涵",
                                                   "子轩", "欣怡", "浩然", "梓萱", "一鸣", "婷婷"};

std::string person_name(DeterministicRandom& random) {
    if (random.chance(0.3)) {
        const std::string family = pick(random, kChineseSurnames);
        return family + pick(random, kChineseGiven);
    }
    const std::string given = pick(random, kGivenNames);
    return given + " " + pick(random, kFamilyNames);
}

// Weights follow the catalog order of default_churn_reasons(): price, features, service, other.
std::string churn_reason(DeterministicRandom& random, const std::array<double, 4>& weights) {
    static const char* const kIds[] = {"price", "features", "service", "other"};
    return kIds[random.pick_weighted(weights)];
}

template <typename T>
void sort_by_date(std::vector<T>& events) {
    std::stable_sort(events.begin(), events.end(), [](const T& a, const T& b) { return a.date < b.date; });
}

void sort_events(Customer& customer) {
    sort_by_date(customer.transactions);
    sort_by_date(customer.interactions);
    sort_by_date(customer.surveys);
    sort_by_date(customer.churn_events);
}

// Callers draw every random argument in its own statement first: the evaluation order of function
// arguments (and of `a + b`) is unspecified and differs between g++ and clang (Emscripten).
void add_interaction(Customer& customer, Date date, const char* type, std::optional<double> sentiment, std::string note) {
    Interaction interaction;
    interaction.date = date;
    interaction.type = type;
    if (sentiment) interaction.sentiment = std::round(*sentiment * 100) / 100;
    interaction.note = std::move(note);
    customer.interactions.push_back(std::move(interaction));
}

int clamp_score(double value, int low, int high) {
    return std::max(low, std::min(high, static_cast<int>(std::round(value))));
}

}  // namespace

// ---- e-commerce ----

// Share of demo records that are prospects (signed up, never bought): the pre-purchase stages of
// every lifecycle model (awareness, understanding, potential, activation, ...) need them.
constexpr double kProspectShare = 0.12;

// A newsletter or account sign-up without an order: some engage (opened mail, pre-sales chat),
// some stay silent.
void add_prospect_activity(DeterministicRandom& random, Customer& prospect, Date end) {
    const Date signed_up = *prospect.acquired;
    prospect.segment = "Prospect";
    if (random.chance(0.7)) prospect.tags.push_back("newsletter");
    if (!random.chance(0.6)) return;
    const int touches = 1 + random.poisson(1.5);
    for (int k = 0; k < touches; ++k) {
        const Date date = random_date(random, signed_up, end);
        if (random.chance(0.8)) {
            add_interaction(prospect, date, "email", std::nullopt, random.chance(0.5) ? "Opened welcome email" : "Clicked a promotion");
        } else {
            const double sentiment = random.uniform(0.0, 0.8);
            add_interaction(prospect, date, "chat", sentiment, "Pre-sales question");
        }
    }
}

Workspace generate_ecommerce_demo(uint64_t seed, int customers) {
    DeterministicRandom random(seed);
    Workspace workspace;
    const Date start = ymd(kFirstYear, 1, 1);
    const Date end = ymd(kFirstYear + 1, 12, 31);
    workspace.meta.name = "Demo: online shop";
    workspace.meta.currency = "USD";
    workspace.meta.as_of = end;
    workspace.meta.notes = "Synthetic data: lifecycle generate ecommerce --seed " + std::to_string(seed) +
                           ". 合成的示例数据（网店），仅供练习。";
    workspace.churn_reasons = default_churn_reasons();

    static const std::array<const char*, 6> kChannels = {"organic", "paid_search", "social", "referral", "email", "marketplace"};
    static const std::array<double, 6> kChannelWeights = {0.30, 0.25, 0.20, 0.10, 0.05, 0.10};
    static const std::array<double, 6> kChannelCost = {3, 28, 18, 12, 6, 15};
    static const std::array<const char*, 6> kProducts = {"Books", "Electronics", "Home", "Beauty", "Toys", "Sports"};
    static const std::array<const char*, 10> kCities = {"New York", "London", "Berlin", "Toronto", "Sydney",
                                                        "上海",     "北京",   "深圳",   "杭州",    "Singapore"};
    static const std::array<const char*, 5> kAgeBands = {"18-24", "25-34", "35-44", "45-54", "55+"};
    static const std::array<const char*, 5> kComplaints = {"Late delivery", "Damaged item", "Refund took too long",
                                                           "配送延迟", "Wrong size sent"};
    static const std::array<const char*, 4> kChats = {"Order status", "Size advice", "Voucher question", "退货咨询"};

    workspace.customers.reserve(static_cast<std::size_t>(customers));
    for (int i = 0; i < customers; ++i) {
        Customer customer;
        customer.id = numbered_id("C", i + 1, 5);
        customer.name = person_name(random);
        const Date acquired = random_date(random, start, ymd(kFirstYear + 1, 10, 31));
        customer.acquired = acquired;
        const std::size_t channel = random.pick_weighted(kChannelWeights);
        customer.channel = kChannels[channel];
        customer.acquisition_cost = round_cents(kChannelCost[channel] * random.uniform(0.7, 1.3));
        const std::string city = pick(random, kCities);
        customer.attributes = Json{{"city", city}, {"age_band", pick(random, kAgeBands)}};
        if (random.chance(kProspectShare)) {
            customer.acquired = random_date(random, ymd(kFirstYear + 1, 1, 1), end);
            add_prospect_activity(random, customer, end);
            sort_events(customer);
            workspace.customers.push_back(std::move(customer));
            continue;
        }

        // BG/NBD story: Poisson purchasing at a gamma-distributed rate while alive; after each purchase
        // the customer drops out with a beta-distributed probability. Spend per customer is gamma-gamma.
        const double rate_per_day = random.gamma(0.9, (4.0 / 365) / 0.9);
        const double dropout = random.beta(0.9, 4.0);
        const double mean_spend = 10 + random.gamma(4.0, 15.0);
        bool alive = true;
        for (Date date = acquired; date <= end;) {
            Transaction transaction;
            transaction.date = date;
            transaction.amount = std::max(1.0, round_cents(random.gamma(6.0, mean_spend / 6.0)));
            transaction.cost = round_cents(transaction.amount * random.uniform(0.5, 0.75));
            transaction.product = pick(random, kProducts);
            customer.transactions.push_back(std::move(transaction));
            if (random.chance(dropout)) {
                alive = false;
                break;
            }
            date = Date{date.days + std::max(1, static_cast<int>(std::ceil(random.exponential(rate_per_day))))};
        }
        const Date last = customer.transactions.back().date;
        const int purchases = static_cast<int>(customer.transactions.size());
        double spend = 0;
        for (const Transaction& t : customer.transactions) spend += t.amount;
        const double average = spend / purchases;
        customer.segment = average >= 110 ? "Premium" : purchases >= 5 ? "Loyal" : purchases == 1 ? "One-time" : "Regular";
        const Date active_until = alive ? end : std::min(end, Date{last.days + 120});

        std::string reason;
        if (!alive && last.days < end.days - 180 && random.chance(0.6)) {
            ChurnEvent churn;
            churn.date = random_date(random, Date{last.days + 60}, std::min(end, Date{last.days + 180}));
            churn.reason = reason = churn_reason(random, {0.35, 0.20, 0.25, 0.20});
            churn.note = reason == "price" ? "Found it cheaper elsewhere" : reason == "service" ? "Unhappy with support" : "";
            customer.churn_events.push_back(std::move(churn));
        }

        const int emails = random.poisson((active_until.days - acquired.days) / 60.0);
        for (int k = 0; k < emails; ++k) {
            const Date date = random_date(random, acquired, active_until);
            const bool newsletter = random.chance(0.5);
            add_interaction(customer, date, "email", std::nullopt, newsletter ? "Newsletter" : "Promotion");
        }
        if (random.chance(reason == "service" ? 0.7 : 0.08)) {
            const Date date = random_date(random, acquired, std::min(end, Date{last.days + 30}));
            const double sentiment = random.uniform(-1.0, -0.3);
            add_interaction(customer, date, "complaint", sentiment, pick(random, kComplaints));
        }
        if (random.chance(alive && purchases >= 3 ? 0.25 : 0.03)) {
            const Date date = random_date(random, acquired, active_until);
            add_interaction(customer, date, "referral", random.uniform(0.6, 1.0), "Referred a friend");
        }
        const int chats = random.poisson(0.5);
        for (int k = 0; k < chats; ++k) {
            const Date date = random_date(random, acquired, active_until);
            const double sentiment = random.uniform(-0.3, 0.8);
            add_interaction(customer, date, "chat", sentiment, pick(random, kChats));
        }

        if (random.chance(0.35)) {
            SurveyAnswer survey;
            survey.date = random_date(random, acquired, active_until);
            const int nps = clamp_score(random.normal(alive ? 8.0 : 5.5, 2.0), 0, 10);
            survey.nps = nps;
            survey.satisfaction = clamp_score(1 + nps * 0.4 + random.normal(0, 0.5), 1, 5);
            customer.surveys.push_back(std::move(survey));
        }

        if (random.chance(0.5)) customer.tags.push_back("newsletter");
        if (random.chance(0.35)) customer.tags.push_back("mobile_app");
        if (random.chance(reason == "price" ? 0.6 : 0.2)) customer.tags.push_back("coupon_user");
        if (customer.segment == "Premium" && purchases >= 3) customer.tags.push_back("vip");
        sort_events(customer);
        workspace.customers.push_back(std::move(customer));
    }
    return workspace;
}

// ---- B2B SaaS ----

Workspace generate_saas_demo(uint64_t seed, int accounts) {
    DeterministicRandom random(seed);
    Workspace workspace;
    const Date start = ymd(kFirstYear, 1, 1);
    const Date end = ymd(kFirstYear + 1, 12, 31);
    workspace.meta.name = "Demo: B2B SaaS";
    workspace.meta.currency = "USD";
    workspace.meta.as_of = end;
    workspace.meta.notes = "Synthetic data: lifecycle generate saas --seed " + std::to_string(seed) +
                           ". 合成的示例数据（企业软件订阅），仅供练习。";
    workspace.churn_reasons = default_churn_reasons();

    static const char* const kPlans[] = {"Starter", "Growth", "Enterprise"};
    static const double kPlanPrice[] = {49, 199, 999};
    static const double kPlanHazard[] = {0.045, 0.025, 0.012};  // monthly churn probability
    static const double kUpgrade[] = {0.02, 0.012, 0};           // monthly upgrade probability
    static const std::array<const char*, 3> kSizes = {"SMB", "Mid-market", "Enterprise"};
    static const std::array<double, 3> kSizeWeights = {0.6, 0.3, 0.1};
    static const std::array<const char*, 4> kChannels = {"self_serve", "sales", "partner", "webinar"};
    static const std::array<double, 4> kChannelWeights = {0.45, 0.25, 0.15, 0.15};
    static const std::array<double, 4> kChannelCost = {150, 3000, 900, 400};
    static const std::array<const char*, 12> kWordsA = {"North", "Blue", "Bright", "Silver", "Rapid", "Clear",
                                                        "Green", "Nova", "Summit", "Delta", "Pioneer", "Urban"};
    static const std::array<const char*, 10> kWordsB = {"wind", "stone", "path", "field", "wave",
                                                        "bridge", "leaf", "peak", "line", "forge"};
    static const std::array<const char*, 6> kSuffix = {"Analytics", "Logistics", "Labs", "Retail", "Health", "Systems"};
    static const std::array<const char*, 6> kCnCity = {"上海", "北京", "深圳", "杭州", "成都", "苏州"};
    static const std::array<const char*, 6> kCnWord = {"星云", "远航", "蓝海", "启明", "云帆", "卓越"};
    static const std::array<const char*, 3> kCnSuffix = {"科技有限公司", "信息技术有限公司", "数据服务有限公司"};
    static const std::array<const char*, 6> kIndustries = {"retail", "manufacturing", "healthcare", "finance",
                                                           "education", "logistics"};
    static const std::array<const char*, 5> kCountries = {"US", "UK", "DE", "CN", "SG"};
    static const std::array<const char*, 5> kTickets = {"Login problem", "Export fails", "Billing question",
                                                        "API rate limit", "报表加载慢"};

    workspace.customers.reserve(static_cast<std::size_t>(accounts));
    for (int i = 0; i < accounts; ++i) {
        Customer account;
        account.id = numbered_id("A", i + 1, 4);
        const bool chinese = random.chance(0.25);
        const std::string first_word = chinese ? pick(random, kCnCity) : pick(random, kWordsA);
        const std::string second_word = chinese ? pick(random, kCnWord) : pick(random, kWordsB);
        const std::string suffix = chinese ? pick(random, kCnSuffix) : pick(random, kSuffix);
        account.name = chinese ? first_word + second_word + suffix : first_word + second_word + " " + suffix;
        // Trials sign up in the last quarter and have not paid (yet); paying accounts up to mid-December,
        // so a few are still in their first paid month.
        const bool trial = random.chance(kProspectShare);
        const Date signup = trial ? random_date(random, ymd(kFirstYear + 1, 10, 1), end)
                                  : random_date(random, start, ymd(kFirstYear + 1, 12, 15));
        account.acquired = signup;
        const std::size_t size = random.pick_weighted(kSizeWeights);
        account.segment = kSizes[size];
        int plan = size == 0 ? (random.chance(0.8) ? 0 : 1) : size == 1 ? (random.chance(0.7) ? 1 : 0) : (random.chance(0.7) ? 2 : 1);
        const std::size_t channel = random.pick_weighted(kChannelWeights);
        account.channel = kChannels[channel];
        account.acquisition_cost = round_cents(kChannelCost[channel] * random.uniform(0.7, 1.3));
        const int seats = size == 2 ? random.uniform_int(50, 500) : size == 1 ? random.uniform_int(10, 60) : random.uniform_int(1, 12);
        const std::string industry = pick(random, kIndustries);
        account.attributes = Json{{"industry", industry}, {"country", chinese ? "CN" : pick(random, kCountries)},
                                  {"seats", seats}};
        const double frailty = random.gamma(2.0, 0.5);  // account-level churn proneness, mean 1
        const double enterprise_factor = 1 + random.uniform_int(0, 2);

        if (trial) {
            account.tags.push_back("trial");
            const int sessions = random.chance(0.65) ? 1 + random.poisson(2.0) : 0;
            for (int k = 0; k < sessions; ++k) {
                const Date when = random_date(random, signup, end);
                const bool meeting = random.chance(0.3);
                const bool onboarding = random.chance(0.5);
                add_interaction(account, when, meeting ? "meeting" : "email", 0.3,
                                onboarding ? "Trial onboarding session" : "Product demo follow-up");
            }
            sort_events(account);
            workspace.customers.push_back(std::move(account));
            continue;
        }
        for (int month = 0;; ++month) {
            const Date date = same_day_months_later(signup, month);
            if (date > end) break;
            Transaction payment;
            payment.date = date;
            payment.amount = kPlanPrice[plan] * (plan == 2 ? enterprise_factor : 1);
            payment.cost = round_cents(payment.amount * 0.2);
            payment.product = kPlans[plan];
            account.transactions.push_back(std::move(payment));

            const int tickets = random.poisson(plan == 2 ? 0.5 : 0.25);
            for (int k = 0; k < tickets; ++k) {
                const Date when = random_date(random, date, std::min(end, Date{date.days + 27}));
                const double sentiment = std::max(-1.0, std::min(1.0, random.normal(-0.1, 0.4)));
                add_interaction(account, when, "ticket", sentiment, pick(random, kTickets));
            }
            if (month % 3 == 2 && random.chance(0.4)) {
                SurveyAnswer survey;
                survey.date = random_date(random, date, std::min(end, Date{date.days + 27}));
                survey.nps = clamp_score(random.normal(8.2 - 1.5 * frailty, 1.8), 0, 10);
                // Promoters sometimes refer another company.
                if (*survey.nps >= 9 && random.chance(0.35)) {
                    const Date when = std::min(end, Date{survey.date.days + 7});
                    add_interaction(account, when, "referral", 0.8, "Referred a partner company");
                }
                account.surveys.push_back(std::move(survey));
            }
            // Some accounts pause billing for a few months (the dormant stage on subscription data).
            if (random.chance(0.015 * frailty)) {
                const int paused_months = random.uniform_int(2, 6);
                add_interaction(account, Date{date.days + 2}, "email", -0.2, "Paused subscription");
                month += paused_months;
                continue;
            }
            if (random.chance(kUpgrade[plan])) {
                ++plan;
                add_interaction(account, Date{date.days + 1}, "meeting", 0.6, std::string("Upgraded to ") + kPlans[plan]);
            }
            if (random.chance(std::min(0.5, kPlanHazard[plan] * frailty))) {
                const Date churn_date = Date{date.days + random.uniform_int(5, 27)};
                if (churn_date > end) break;
                ChurnEvent churn;
                churn.date = churn_date;
                churn.reason = churn_reason(random, {0.30, 0.30, 0.20, 0.20});
                if (churn.reason == "service") {
                    const Date when = Date{churn_date.days - random.uniform_int(1, 4)};
                    const double sentiment = random.uniform(-1.0, -0.4);
                    add_interaction(account, when, "complaint", sentiment, "Escalation: slow support responses");
                }
                churn.note = churn.reason == "features" ? "Moved to a competitor with more features" : "";
                account.churn_events.push_back(std::move(churn));
                break;
            }
        }
        std::string plan_tag = std::string("plan_") + kPlans[plan];
        std::transform(plan_tag.begin(), plan_tag.end(), plan_tag.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
        account.tags.push_back(plan_tag);
        if (random.chance(0.1)) account.tags.push_back("multi_region");
        sort_events(account);
        workspace.customers.push_back(std::move(account));
    }
    return workspace;
}

// ---- benchmark data ----

Workspace generate_bench_workspace(uint64_t seed, int customers, long long transactions) {
    DeterministicRandom random(seed);
    Workspace workspace;
    workspace.meta.name = "Benchmark " + std::to_string(customers) + " customers / " + std::to_string(transactions) + " transactions";
    workspace.churn_reasons = default_churn_reasons();
    const Date first = ymd(2022, 1, 1);
    const Date last = ymd(2024, 12, 31);
    workspace.meta.as_of = last;
    const long long per_customer = customers > 0 ? transactions / customers : 0;
    const long long remainder = customers > 0 ? transactions % customers : 0;
    workspace.customers.resize(static_cast<std::size_t>(std::max(0, customers)));
    for (int i = 0; i < customers; ++i) {
        Customer& customer = workspace.customers[static_cast<std::size_t>(i)];
        customer.id = numbered_id("B", i + 1, 7);
        const long long count = per_customer + (i < remainder ? 1 : 0);
        customer.transactions.resize(static_cast<std::size_t>(count));
        for (Transaction& transaction : customer.transactions) {
            transaction.date = random_date(random, first, last);
            transaction.amount = std::max(0.5, round_cents(random.gamma(2.0, 25.0)));
        }
        sort_by_date(customer.transactions);
        if (!customer.transactions.empty()) customer.acquired = customer.transactions.front().date;
    }
    return workspace;
}

}  // namespace lcs
