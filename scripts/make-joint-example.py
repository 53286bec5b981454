#!/usr/bin/env python3
"""Writes scenarios/data/buyers-survey.csv, the example joint data of scenarios/joint-data.yaml.

A made-up survey of 400 buyers: income y ~ lognormal(0, 0.5); the value of money is v^M = 1 / y (the
poorer, the higher); the willingness to pay in money is w = 0.3 y^0.6 e^(0.3 z), z standard normal, so
richer buyers pay more; the value of the good is v^K = w v^M (so the rate r = v^K / v^M = w).
Deterministic: a fixed seed and Python's own generator (no third-party packages).
Usage: python3 scripts/make-joint-example.py  (from the repository root)
"""
import math
import os
import random

ROWS = 400
SEED = 20260101


def main() -> None:
    generator = random.Random(SEED)
    path = os.path.join("scenarios", "data", "buyers-survey.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as out:
        out.write("good,money\n")
        for _ in range(ROWS):
            income = math.exp(generator.gauss(0.0, 0.5))
            pay = 0.3 * income ** 0.6 * math.exp(0.3 * generator.gauss(0.0, 1.0))
            money = 1.0 / income
            out.write(f"{pay * money:.6f},{money:.6f}\n")


if __name__ == "__main__":
    main()
