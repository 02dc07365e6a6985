"""``python -m benchmarks [ingest|tagger|app|cloud|assist|team|all]``."""

import sys

from benchmarks import bench_app, bench_assist, bench_cloud, bench_ingest, bench_tagger, bench_team

BENCHES = {"ingest": bench_ingest.main, "tagger": bench_tagger.main, "app": bench_app.main, "cloud": bench_cloud.main,
           "assist": bench_assist.main, "team": bench_team.main}
names = sys.argv[1:] or ["all"]
for name in BENCHES if names == ["all"] else names:
    print(f"== {name}")
    BENCHES[name]()
