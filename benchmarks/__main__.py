"""``python -m benchmarks [ingest|tagger|app|cloud|assist|team|versions|all]`` (tagger includes versions)."""

import sys

from benchmarks import bench_app, bench_assist, bench_cloud, bench_ingest, bench_tagger, bench_team, bench_versions

BENCHES = {"ingest": bench_ingest.main, "tagger": bench_tagger.main, "app": bench_app.main, "cloud": bench_cloud.main,
           "assist": bench_assist.main, "team": bench_team.main, "versions": bench_versions.main}
names = sys.argv[1:] or ["all"]
for name in BENCHES if names == ["all"] else names:
    print(f"== {name}")
    BENCHES[name]()
