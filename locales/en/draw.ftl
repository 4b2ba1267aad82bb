# `xuncha draw`: a fair roster drawn with a public seed (src/report/draw.rs).
draw-headline = Draw: seed { $seed }; rosters within { $within }% of the optimum { $optimum } (objective at most { $cap }); { $rosters } rosters in the distribution
draw-min-p = Smallest chance of an available member: { $min } (a plain lottery over the same rosters: { $uniform })
draw-budget = The search for rosters stopped at its budget: the chances are as fair as the rosters found allow.
draw-odds = Each available member's chance of being seated:
draw-cannot-serve = Cannot serve in this round:
draw-col-person = Person
draw-col-name = Name
draw-col-p = Chance
draw-col-why = Why
draw-verify-match = { $file }: matches; the seed { $seed } draws the same roster with the same chances.
draw-verify-mismatch = { $file }: does NOT match the draw of seed { $seed }; differs in: { $fields }. Re-run `xuncha draw` with that seed to see the true draw.
draw-unreadable = cannot read the draw { $file }: { $reason }
draw-not-a-draw = { $file } is not a draw of `xuncha draw --format json` ({ $reason }); give the JSON the draw printed
draw-error-oracle = the draw's roster search failed: { $error }
draw-status = drawn by lot (seed { $seed }; the optimum is { $optimum })
