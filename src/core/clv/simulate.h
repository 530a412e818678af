// Deterministic simulation of BG/NBD purchasing and Gamma-Gamma spend, for parameter-recovery
// tests and benchmarks. Own random number generator and distributions (xoshiro256**, Marsaglia-
// Tsang gamma) so a seed gives the same customers natively and under Emscripten (std::
// distributions differ between standard libraries).
#pragma once
#include <cstdint>
#include <vector>

#include "core/clv/bgnbd.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/rfm.h"

namespace lcs::clv {

class Rng {
public:
    explicit Rng(uint64_t seed);   // any seed, 0 included (expanded by splitmix64)
    uint64_t next();               // 64 uniform bits
    double uniform();              // in (0, 1), never 0 or 1
    double exponential();          // rate 1
    double normal();               // mean 0, sd 1 (Marsaglia polar method)
    double gamma(double shape);    // shape > 0, scale 1
    double beta(double a, double b);

private:
    uint64_t s_[4];
};

struct BgNbdSimulation {
    BgNbdParams params{0.243, 4.414, 0.793, 2.426};
    GammaGammaParams spend{6.25, 3.74, 15.44};  // per-transaction value model for zbar
    int customers = 1000;
    uint64_t seed = 1;
    double T_min = 26, T_max = 52;  // observation length, uniform in [T_min, T_max] (model time units)
    double time_resolution = 1.0 / 7;  // t_x and T rounded to multiples (days in weeks); 0 = exact
};

// Customers with ids "1".."N": trial purchase at 0, then Poisson(λ) purchases, dropout with
// probability p after each repeat purchase; λ ~ gamma(r, rate alpha), p ~ beta(a, b).
std::vector<CustomerRfm> simulate_bgnbd(const BgNbdSimulation& options);

}  // namespace lcs::clv
