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

// ---- both demos ----

namespace {

// Share of demo records that are prospects (signed up, never bought): the pre-purchase stages of
// every lifecycle model (awareness, understanding, potential, activation, ...) need them.
constexpr double kProspectShare = 0.12;

// The workspace header of a demo; kind is the `lifecycle generate` argument ("ecommerce", "saas").
Workspace demo_workspace(const char* name, const char* kind, uint64_t seed, const char* chinese_note, Date as_of) {
    Workspace workspace;
    workspace.meta.name = name;
    workspace.meta.currency = "USD";
    workspace.meta.as_of = as_of;
    workspace.meta.notes =
        std::string("Synthetic data: lifecycle generate ") + kind + " --seed " + std::to_string(seed) + ". " + chinese_note;
    workspace.churn_reasons = default_churn_reasons();
    return workspace;
}

}  // namespace

// Every helper below draws from the demo's one random stream in the order it is called, and draws
// only when the original story did (conditions that draw come last in an &&): changing the order
// of calls or of draws changes every demo workspace and the hashes pinned in unit-demo-generator.

// ---- e-commerce ----

namespace {

const std::array<const char*, 6> kShopChannels = {"organic", "paid_search", "social", "referral", "email", "marketplace"};
const std::array<double, 6> kShopChannelWeights = {0.30, 0.25, 0.20, 0.10, 0.05, 0.10};
const std::array<double, 6> kShopChannelCost = {3, 28, 18, 12, 6, 15};
const std::array<const char*, 6> kShopProducts = {"Books", "Electronics", "Home", "Beauty", "Toys", "Sports"};
const std::array<const char*, 10> kShopCities = {"New York", "London", "Berlin", "Toronto", "Sydney",
                                                 "上海",     "北京",   "深圳",   "杭州",    "Singapore"};
const std::array<const char*, 5> kAgeBands = {"18-24", "25-34", "35-44", "45-54", "55+"};
const std::array<const char*, 5> kShopComplaints = {"Late delivery", "Damaged item", "Refund took too long", "配送延迟",
                                                    "Wrong size sent"};
const std::array<const char*, 4> kShopChats = {"Order status", "Size advice", "Voucher question", "退货咨询"};

// Who the customer is: id, name, first day (up to 2024-10-31), channel and its cost, city, age band.
Customer shop_profile(DeterministicRandom& random, int index, Date start) {
    Customer customer;
    customer.id = numbered_id("C", index + 1, 5);
    customer.name = person_name(random);
    customer.acquired = random_date(random, start, ymd(kFirstYear + 1, 10, 31));
    const std::size_t channel = random.pick_weighted(kShopChannelWeights);
    customer.channel = kShopChannels[channel];
    customer.acquisition_cost = round_cents(kShopChannelCost[channel] * random.uniform(0.7, 1.3));
    const std::string city = pick(random, kShopCities);
    customer.attributes = Json{{"city", city}, {"age_band", pick(random, kAgeBands)}};
    return customer;
}

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

// BG/NBD story: Poisson purchasing at a gamma-distributed rate while alive; after each purchase
// the customer drops out with a beta-distributed probability. Spend per customer is gamma-gamma.
// Adds at least one purchase; returns whether the customer is still alive at the end.
bool add_purchases(DeterministicRandom& random, Customer& customer, Date end) {
    const double rate_per_day = random.gamma(0.9, (4.0 / 365) / 0.9);
    const double dropout = random.beta(0.9, 4.0);
    const double mean_spend = 10 + random.gamma(4.0, 15.0);
    for (Date date = *customer.acquired; date <= end;) {
        Transaction transaction;
        transaction.date = date;
        transaction.amount = std::max(1.0, round_cents(random.gamma(6.0, mean_spend / 6.0)));
        transaction.cost = round_cents(transaction.amount * random.uniform(0.5, 0.75));
        transaction.product = pick(random, kShopProducts);
        customer.transactions.push_back(std::move(transaction));
        if (random.chance(dropout)) return false;
        date = Date{date.days + std::max(1, static_cast<int>(std::ceil(random.exponential(rate_per_day))))};
    }
    return true;
}

const char* shop_segment(const std::vector<Transaction>& purchases) {
    const int count = static_cast<int>(purchases.size());
    double spend = 0;
    for (const Transaction& t : purchases) spend += t.amount;
    const double average = spend / count;
    return average >= 110 ? "Premium" : count >= 5 ? "Loyal" : count == 1 ? "One-time" : "Regular";
}

// What the later parts of a buyer's story depend on.
struct BuyerStory {
    Date acquired, last, active_until, end;
    bool alive = true;
    int purchases = 0;
    std::string churn_reason;  // "" when no churn event was recorded
};

// A buyer gone quiet for over 180 days sometimes records why they left, 60-180 days after the last order.
void add_buyer_churn(DeterministicRandom& random, Customer& customer, BuyerStory& story) {
    if (story.alive || story.last.days >= story.end.days - 180 || !random.chance(0.6)) return;
    ChurnEvent churn;
    churn.date = random_date(random, Date{story.last.days + 60}, std::min(story.end, Date{story.last.days + 180}));
    churn.reason = story.churn_reason = churn_reason(random, {0.35, 0.20, 0.25, 0.20});
    const std::string& reason = story.churn_reason;
    churn.note = reason == "price" ? "Found it cheaper elsewhere" : reason == "service" ? "Unhappy with support" : "";
    customer.churn_events.push_back(std::move(churn));
}

// E-mails while active, perhaps a complaint (likely when support was the churn reason), a referral
// from loyal buyers, and a few chats.
void add_buyer_contacts(DeterministicRandom& random, Customer& customer, const BuyerStory& story) {
    const int emails = random.poisson((story.active_until.days - story.acquired.days) / 60.0);
    for (int k = 0; k < emails; ++k) {
        const Date date = random_date(random, story.acquired, story.active_until);
        const bool newsletter = random.chance(0.5);
        add_interaction(customer, date, "email", std::nullopt, newsletter ? "Newsletter" : "Promotion");
    }
    if (random.chance(story.churn_reason == "service" ? 0.7 : 0.08)) {
        const Date date = random_date(random, story.acquired, std::min(story.end, Date{story.last.days + 30}));
        const double sentiment = random.uniform(-1.0, -0.3);
        add_interaction(customer, date, "complaint", sentiment, pick(random, kShopComplaints));
    }
    if (random.chance(story.alive && story.purchases >= 3 ? 0.25 : 0.03)) {
        const Date date = random_date(random, story.acquired, story.active_until);
        add_interaction(customer, date, "referral", random.uniform(0.6, 1.0), "Referred a friend");
    }
    const int chats = random.poisson(0.5);
    for (int k = 0; k < chats; ++k) {
        const Date date = random_date(random, story.acquired, story.active_until);
        const double sentiment = random.uniform(-0.3, 0.8);
        add_interaction(customer, date, "chat", sentiment, pick(random, kShopChats));
    }
}

// About a third answer one NPS survey (lower scores from those who left).
void add_buyer_survey(DeterministicRandom& random, Customer& customer, const BuyerStory& story) {
    if (!random.chance(0.35)) return;
    SurveyAnswer survey;
    survey.date = random_date(random, story.acquired, story.active_until);
    const int nps = clamp_score(random.normal(story.alive ? 8.0 : 5.5, 2.0), 0, 10);
    survey.nps = nps;
    survey.satisfaction = clamp_score(1 + nps * 0.4 + random.normal(0, 0.5), 1, 5);
    customer.surveys.push_back(std::move(survey));
}

void add_buyer_tags(DeterministicRandom& random, Customer& customer, const BuyerStory& story) {
    if (random.chance(0.5)) customer.tags.push_back("newsletter");
    if (random.chance(0.35)) customer.tags.push_back("mobile_app");
    if (random.chance(story.churn_reason == "price" ? 0.6 : 0.2)) customer.tags.push_back("coupon_user");
    if (customer.segment == "Premium" && story.purchases >= 3) customer.tags.push_back("vip");
}

// A buyer's orders, segment, churn, contacts, survey and tags, in that order.
void add_buyer_history(DeterministicRandom& random, Customer& customer, Date end) {
    BuyerStory story;
    story.acquired = *customer.acquired;
    story.end = end;
    story.alive = add_purchases(random, customer, end);
    story.last = customer.transactions.back().date;
    story.purchases = static_cast<int>(customer.transactions.size());
    customer.segment = shop_segment(customer.transactions);
    story.active_until = story.alive ? end : std::min(end, Date{story.last.days + 120});
    add_buyer_churn(random, customer, story);
    add_buyer_contacts(random, customer, story);
    add_buyer_survey(random, customer, story);
    add_buyer_tags(random, customer, story);
}

}  // namespace

Workspace generate_ecommerce_demo(uint64_t seed, int customers) {
    DeterministicRandom random(seed);
    const Date start = ymd(kFirstYear, 1, 1);
    const Date end = ymd(kFirstYear + 1, 12, 31);
    Workspace workspace =
        demo_workspace("Demo: online shop", "ecommerce", seed, "合成的示例数据（网店），仅供练习。", end);
    workspace.customers.reserve(static_cast<std::size_t>(customers));
    for (int i = 0; i < customers; ++i) {
        Customer customer = shop_profile(random, i, start);
        if (random.chance(kProspectShare)) {
            customer.acquired = random_date(random, ymd(kFirstYear + 1, 1, 1), end);
            add_prospect_activity(random, customer, end);
        } else {
            add_buyer_history(random, customer, end);
        }
        sort_events(customer);
        workspace.customers.push_back(std::move(customer));
    }
    return workspace;
}

// ---- B2B SaaS ----

namespace {

const char* const kPlans[] = {"Starter", "Growth", "Enterprise"};
const double kPlanPrice[] = {49, 199, 999};
const double kPlanHazard[] = {0.045, 0.025, 0.012};  // monthly churn probability
const double kUpgrade[] = {0.02, 0.012, 0};           // monthly upgrade probability
const std::array<const char*, 3> kSizes = {"SMB", "Mid-market", "Enterprise"};
const std::array<double, 3> kSizeWeights = {0.6, 0.3, 0.1};
const std::array<const char*, 4> kSaasChannels = {"self_serve", "sales", "partner", "webinar"};
const std::array<double, 4> kSaasChannelWeights = {0.45, 0.25, 0.15, 0.15};
const std::array<double, 4> kSaasChannelCost = {150, 3000, 900, 400};
const std::array<const char*, 12> kWordsA = {"North", "Blue", "Bright", "Silver", "Rapid", "Clear",
                                             "Green", "Nova", "Summit", "Delta", "Pioneer", "Urban"};
const std::array<const char*, 10> kWordsB = {"wind", "stone", "path", "field", "wave",
                                             "bridge", "leaf", "peak", "line", "forge"};
const std::array<const char*, 6> kSuffix = {"Analytics", "Logistics", "Labs", "Retail", "Health", "Systems"};
const std::array<const char*, 6> kCnCity = {"上海", "北京", "深圳", "杭州", "成都", "苏州"};
const std::array<const char*, 6> kCnWord = {"星云", "远航", "蓝海", "启明", "云帆", "卓越"};
const std::array<const char*, 3> kCnSuffix = {"科技有限公司", "信息技术有限公司", "数据服务有限公司"};
const std::array<const char*, 6> kIndustries = {"retail", "manufacturing", "healthcare", "finance", "education",
                                                "logistics"};
const std::array<const char*, 5> kCountries = {"US", "UK", "DE", "CN", "SG"};
const std::array<const char*, 5> kTickets = {"Login problem", "Export fails", "Billing question", "API rate limit",
                                             "报表加载慢"};

// A company name; a quarter of the accounts are Chinese companies (chinese is set then).
std::string company_name(DeterministicRandom& random, bool& chinese) {
    chinese = random.chance(0.25);
    const std::string first_word = chinese ? pick(random, kCnCity) : pick(random, kWordsA);
    const std::string second_word = chinese ? pick(random, kCnWord) : pick(random, kWordsB);
    const std::string suffix = chinese ? pick(random, kCnSuffix) : pick(random, kSuffix);
    return chinese ? first_word + second_word + suffix : first_word + second_word + " " + suffix;
}

// An account as it signs up, and what its subscription months depend on.
struct SaasAccount {
    Customer account;
    bool trial = false;
    int plan = 0;                   // index into kPlans
    double frailty = 1;             // account-level churn proneness, mean 1
    double enterprise_factor = 1;   // the Enterprise price is 1, 2 or 3 times the list price
};

SaasAccount saas_signup(DeterministicRandom& random, int index, Date start, Date end) {
    SaasAccount s;
    Customer& account = s.account;
    account.id = numbered_id("A", index + 1, 4);
    bool chinese = false;
    account.name = company_name(random, chinese);
    // Trials sign up in the last quarter and have not paid (yet); paying accounts up to mid-December,
    // so a few are still in their first paid month.
    s.trial = random.chance(kProspectShare);
    account.acquired = s.trial ? random_date(random, ymd(kFirstYear + 1, 10, 1), end)
                               : random_date(random, start, ymd(kFirstYear + 1, 12, 15));
    const std::size_t size = random.pick_weighted(kSizeWeights);
    account.segment = kSizes[size];
    s.plan = size == 0 ? (random.chance(0.8) ? 0 : 1) : size == 1 ? (random.chance(0.7) ? 1 : 0) : (random.chance(0.7) ? 2 : 1);
    const std::size_t channel = random.pick_weighted(kSaasChannelWeights);
    account.channel = kSaasChannels[channel];
    account.acquisition_cost = round_cents(kSaasChannelCost[channel] * random.uniform(0.7, 1.3));
    const int seats = size == 2 ? random.uniform_int(50, 500) : size == 1 ? random.uniform_int(10, 60) : random.uniform_int(1, 12);
    const std::string industry = pick(random, kIndustries);
    account.attributes = Json{{"industry", industry}, {"country", chinese ? "CN" : pick(random, kCountries)},
                              {"seats", seats}};
    s.frailty = random.gamma(2.0, 0.5);
    s.enterprise_factor = 1 + random.uniform_int(0, 2);
    return s;
}

void add_trial_activity(DeterministicRandom& random, Customer& account, Date end) {
    const Date signup = *account.acquired;
    account.tags.push_back("trial");
    const int sessions = random.chance(0.65) ? 1 + random.poisson(2.0) : 0;
    for (int k = 0; k < sessions; ++k) {
        const Date when = random_date(random, signup, end);
        const bool meeting = random.chance(0.3);
        const bool onboarding = random.chance(0.5);
        add_interaction(account, when, meeting ? "meeting" : "email", 0.3,
                        onboarding ? "Trial onboarding session" : "Product demo follow-up");
    }
}

void add_payment(SaasAccount& s, Date date) {
    Transaction payment;
    payment.date = date;
    payment.amount = kPlanPrice[s.plan] * (s.plan == 2 ? s.enterprise_factor : 1);
    payment.cost = round_cents(payment.amount * 0.2);
    payment.product = kPlans[s.plan];
    s.account.transactions.push_back(std::move(payment));
}

// Support tickets in the month after the payment on date.
void add_tickets(DeterministicRandom& random, SaasAccount& s, Date date, Date end) {
    const int tickets = random.poisson(s.plan == 2 ? 0.5 : 0.25);
    for (int k = 0; k < tickets; ++k) {
        const Date when = random_date(random, date, std::min(end, Date{date.days + 27}));
        const double sentiment = std::max(-1.0, std::min(1.0, random.normal(-0.1, 0.4)));
        add_interaction(s.account, when, "ticket", sentiment, pick(random, kTickets));
    }
}

// The quarterly NPS survey, answered 40% of the time; promoters sometimes refer another company.
void add_quarterly_survey(DeterministicRandom& random, SaasAccount& s, Date date, Date end) {
    if (!random.chance(0.4)) return;
    SurveyAnswer survey;
    survey.date = random_date(random, date, std::min(end, Date{date.days + 27}));
    survey.nps = clamp_score(random.normal(8.2 - 1.5 * s.frailty, 1.8), 0, 10);
    if (*survey.nps >= 9 && random.chance(0.35)) {
        const Date when = std::min(end, Date{survey.date.days + 7});
        add_interaction(s.account, when, "referral", 0.8, "Referred a partner company");
    }
    s.account.surveys.push_back(std::move(survey));
}

// The account cancels 5-27 days after the payment on date; nothing is recorded past the end.
void add_cancellation(DeterministicRandom& random, Customer& account, Date date, Date end) {
    const Date churn_date = Date{date.days + random.uniform_int(5, 27)};
    if (churn_date > end) return;
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
}

// Monthly payments from sign-up until the account cancels or the data ends, with tickets, quarterly
// surveys, pauses and upgrades; s.plan ends as the account's last plan.
void add_subscription(DeterministicRandom& random, SaasAccount& s, Date end) {
    for (int month = 0;; ++month) {
        const Date date = same_day_months_later(*s.account.acquired, month);
        if (date > end) return;
        add_payment(s, date);
        add_tickets(random, s, date, end);
        if (month % 3 == 2) add_quarterly_survey(random, s, date, end);
        // Some accounts pause billing for a few months (the dormant stage on subscription data).
        if (random.chance(0.015 * s.frailty)) {
            const int paused_months = random.uniform_int(2, 6);
            add_interaction(s.account, Date{date.days + 2}, "email", -0.2, "Paused subscription");
            month += paused_months;
            continue;
        }
        if (random.chance(kUpgrade[s.plan])) {
            ++s.plan;
            add_interaction(s.account, Date{date.days + 1}, "meeting", 0.6, std::string("Upgraded to ") + kPlans[s.plan]);
        }
        if (random.chance(std::min(0.5, kPlanHazard[s.plan] * s.frailty))) {
            add_cancellation(random, s.account, date, end);
            return;
        }
    }
}

std::string plan_tag(int plan) {
    std::string tag = std::string("plan_") + kPlans[plan];
    std::transform(tag.begin(), tag.end(), tag.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
    return tag;
}

}  // namespace

Workspace generate_saas_demo(uint64_t seed, int accounts) {
    DeterministicRandom random(seed);
    const Date start = ymd(kFirstYear, 1, 1);
    const Date end = ymd(kFirstYear + 1, 12, 31);
    Workspace workspace =
        demo_workspace("Demo: B2B SaaS", "saas", seed, "合成的示例数据（企业软件订阅），仅供练习。", end);
    workspace.customers.reserve(static_cast<std::size_t>(accounts));
    for (int i = 0; i < accounts; ++i) {
        SaasAccount s = saas_signup(random, i, start, end);
        if (s.trial) {
            add_trial_activity(random, s.account, end);
        } else {
            add_subscription(random, s, end);
            s.account.tags.push_back(plan_tag(s.plan));
            if (random.chance(0.1)) s.account.tags.push_back("multi_region");
        }
        sort_events(s.account);
        workspace.customers.push_back(std::move(s.account));
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
