#include "core/clv/valuation_intervals.h"

#include "core/clv/bgnbd.h"
#include "core/clv/gamma_gamma.h"
#include "core/clv/pareto_nbd.h"

namespace lcs::clv {

std::optional<ValuationIntervals> valuation_intervals(const ValuationResult& result, double time_resolution,
                                                      double level, int draws, uint64_t seed) {
    const ValuationSettings& s = result.settings;
    if (!result.ok() || !is_count_model(s.model) || !result.count_fit || !result.spend_fit) return std::nullopt;
    FitOptions no_fit;
    no_fit.max_iterations = 0;  // only the log-likelihood is wanted: the fitters are never stepped
    const bool bgnbd = s.model == ValuationModel::bgnbd_gg;
    const ModelFitter counts = bgnbd ? make_bgnbd_fitter(result.rfm, time_resolution, no_fit)
                                     : make_pareto_nbd_fitter(result.rfm, time_resolution, no_fit);
    const ModelFitter spend = make_gamma_gamma_fitter(result.rfm, no_fit);
    ValuationIntervals out;
    out.counts = parameter_intervals(*result.count_fit, counts.log_likelihood(), counts.has_gradient(), level);
    out.spend = parameter_intervals(*result.spend_fit, spend.log_likelihood(), spend.has_gradient(), level);
    out.draws = draw_clv_parameters(bgnbd ? CountModel::bgnbd : CountModel::pareto_nbd, out.counts, &out.spend, draws, seed);
    out.bootstrap.level = out.counts.level;
    out.bootstrap.clv = count_clv_settings(s);  // as Valuation values customers
    return out;
}

}  // namespace lcs::clv
