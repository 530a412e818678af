#include "core/clv/simulate.h"

#include <cmath>
#include <string>

namespace lcs::clv {

namespace {

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(uint64_t seed) {
    for (uint64_t& s : s_) s = splitmix64(seed);
}

uint64_t Rng::next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform() { return (static_cast<double>(next() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }

double Rng::exponential() { return -std::log(uniform()); }

double Rng::normal() {
    for (;;) {
        const double u = 2 * uniform() - 1, v = 2 * uniform() - 1;
        const double s = u * u + v * v;
        if (s > 0 && s < 1) return u * std::sqrt(-2 * std::log(s) / s);
    }
}

double Rng::gamma(double shape) {
    if (shape < 1) return gamma(shape + 1) * std::pow(uniform(), 1 / shape);
    // Marsaglia & Tsang (2000).
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    for (;;) {
        double x, v;
        do {
            x = normal();
            v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const double u = uniform();
        if (u < 1 - 0.0331 * x * x * x * x) return d * v;
        if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
    }
}

double Rng::beta(double a, double b) {
    const double x = gamma(a), y = gamma(b);
    return x / (x + y);
}

std::vector<CustomerRfm> simulate_bgnbd(const BgNbdSimulation& o) {
    Rng rng(o.seed);
    std::vector<CustomerRfm> out;
    out.reserve(o.customers > 0 ? o.customers : 0);
    auto round_time = [&](double t) { return o.time_resolution > 0 ? std::round(t / o.time_resolution) * o.time_resolution : t; };
    for (int i = 0; i < o.customers; ++i) {
        CustomerRfm c;
        c.id = std::to_string(i + 1);
        const double lambda = rng.gamma(o.params.r) / o.params.alpha;
        const double p = rng.beta(o.params.a, o.params.b);
        const double nu = rng.gamma(o.spend.q) / o.spend.gamma;
        const double T = round_time(o.T_min + (o.T_max - o.T_min) * rng.uniform());
        double t = 0, spend = 0;
        for (;;) {
            t += rng.exponential() / lambda;
            const double rounded = round_time(t);
            if (rounded > T || !std::isfinite(t)) break;
            ++c.x;
            c.t_x = rounded;
            spend += rng.gamma(o.spend.p) / nu;
            if (rng.uniform() < p) break;
        }
        if (c.x == 0) c.t_x = 0;
        c.T = T;
        c.zbar = c.x > 0 ? spend / c.x : 0;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace lcs::clv
