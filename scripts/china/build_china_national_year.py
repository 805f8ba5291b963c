#!/usr/bin/env python3
"""Builds scenarios/china-national-year.yaml: all 31 provinces of mainland China at unit level,
a year at hourly steps, from the public facts in GridActors' shared China data folder.

It is the national reference for planners and for performance. Units are drawn from each
province's installed capacity with a fixed random seed (sizes, heat rates and costs vary from
unit to unit, so no two plants have the same offer). The demand shapes are written by
build_china_scenario.py (run it first); this script writes the seasonal hydro shape it needs.
Run from the repository root:

    python3 scripts/china/build_china_national_year.py [path/to/shared/data/china]
"""
import csv
import os
import random
import sys

from build_china_scenario import DEMAND_GROWTH, SHAPES_FILE, read, write_enterprises, write_head

SEED = 2024  # the units drawn; the scenario seed (weather) is write_head's
STEPS = 8760
# Coal fuel cost (CNY/MWh) at a reference heat rate of 300 gce/kWh: ~250-290 at western mine mouths,
# ~420 in the coastal east (data README: Q5500 at Huanghua port 1,278 CNY/t, lignite ~450 CNY/t).
COAL_FUEL_COST = {
    "XJ": 250, "NM": 270, "NX": 270, "GS": 280, "SX": 290, "SN": 290, "QH": 300, "GZ": 310,
    "YN": 330, "SC": 330, "CQ": 330, "HL": 340, "HA": 350, "HE": 360, "LN": 360, "JL": 360,
    "BJ": 370, "TJ": 370, "SD": 370, "AH": 385, "HB": 390, "JS": 400, "HN": 400, "JX": 400,
    "GX": 400, "FJ": 410, "ZJ": 415, "SH": 420, "GD": 420, "HI": 420, "XZ": 450,
}
# Coal fleet by unit class: (size MW, share of capacity, heat rate gce/kWh, must-run floor, ramp per hour).
# Ultra-supercritical 1,000 MW and 660 MW, supercritical 600 MW, combined heat and power 350 MW, subcritical 300 MW.
COAL_CLASSES = [
    (1000, 0.25, 276, 0.35, 0.6),
    (660, 0.25, 288, 0.35, 0.6),
    (600, 0.20, 300, 0.35, 0.6),
    (350, 0.15, 305, 0.45, 0.5),
    (300, 0.15, 318, 0.40, 0.5),
]
# tCO2 per MWh per gce/kWh of heat rate: 2.95 tCO2/tce (coal 276 -> 0.81, 318 -> 0.94 t/MWh).
CO2_PER_GCE = 0.00295
# Which sectors each province's enterprises are in, as shares of its peak demand.
SECTORS = {
    "aluminium": (0.10, 1200, 0.0, 0), "steel": (0.05, 2000, 0.10, 4), "cement": (0.10, 800, 0.20, 6),
    "petrochemical": (0.0, 0, 0.05, 4), "appliances": (0.05, 1500, 0.15, 6), "commercial": (0.0, 0, 0.10, 3),
}
PROVINCE_SECTORS = {
    "AH": [("cement", 0.04), ("appliances", 0.03), ("steel", 0.03)],
    "BJ": [("commercial", 0.05)],
    "CQ": [("aluminium", 0.03), ("appliances", 0.03)],
    "FJ": [("appliances", 0.04), ("petrochemical", 0.03), ("steel", 0.02)],
    "GS": [("aluminium", 0.07), ("steel", 0.03)],
    "GD": [("appliances", 0.05), ("petrochemical", 0.03), ("cement", 0.02)],
    "GX": [("aluminium", 0.06), ("cement", 0.03)],
    "GZ": [("aluminium", 0.05), ("cement", 0.03)],
    "HI": [("petrochemical", 0.05)],
    "HE": [("steel", 0.08), ("cement", 0.03)],
    "HL": [("petrochemical", 0.04), ("steel", 0.02)],
    "HA": [("aluminium", 0.05), ("steel", 0.03), ("cement", 0.03)],
    "HB": [("steel", 0.04), ("appliances", 0.03), ("cement", 0.03)],
    "HN": [("steel", 0.03), ("cement", 0.03)],
    "NM": [("aluminium", 0.06), ("steel", 0.04)],
    "JS": [("steel", 0.04), ("petrochemical", 0.03), ("appliances", 0.03)],
    "JX": [("cement", 0.03), ("appliances", 0.03)],
    "JL": [("petrochemical", 0.03), ("steel", 0.03)],
    "LN": [("steel", 0.05), ("petrochemical", 0.04)],
    "NX": [("aluminium", 0.08), ("petrochemical", 0.05)],
    "QH": [("aluminium", 0.10)],
    "SN": [("petrochemical", 0.04), ("aluminium", 0.03)],
    "SD": [("aluminium", 0.05), ("steel", 0.04), ("petrochemical", 0.04)],
    "SH": [("steel", 0.04), ("petrochemical", 0.04)],
    "SX": [("steel", 0.05), ("cement", 0.03)],
    "SC": [("steel", 0.03), ("aluminium", 0.02)],
    "TJ": [("steel", 0.05), ("petrochemical", 0.04)],
    "XZ": [("commercial", 0.05)],
    "XJ": [("aluminium", 0.10), ("petrochemical", 0.04)],
    "YN": [("aluminium", 0.08), ("cement", 0.02)],
    "ZJ": [("petrochemical", 0.03), ("appliances", 0.04)],
}
# The provinces whose hydro capacity includes most of China's pumped storage (~50 GW end-2023):
# assumed 15 % of their hydro capacity, 6 h, 75 % round trip.
PUMPED_STORAGE_GRIDS = {"North", "Northeast", "East", "Central"}
PUMPED_STORAGE_EXTRA = {"GD"}
# Conventional hydro: monthly availability as a share of capacity, mean ~0.40 (China's hydro runs about
# 3,500 h a year), low in the dry winter and high in the summer flood season.
HYDRO_MONTHS = [0.25, 0.22, 0.25, 0.32, 0.42, 0.55, 0.62, 0.60, 0.52, 0.42, 0.32, 0.27]
HYDRO_FILE = "data/china-hydro-season.csv"
# New-type storage (batteries): ~31 GW end-2023 (CNESA, unverified), placed with the wind and solar.
BATTERY_GW = 31
WIND_ZONES = 4
SOLAR_ZONES = 4


def hydro_season():
    """The monthly availability per hour of a 365-day year from 1 January."""
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return [HYDRO_MONTHS[m] for m, d in enumerate(days) for _ in range(d * 24)]


def split(total, sizes, rng):
    """Unit capacities summing to total: standard sizes from the list while they fit, the rest as one smaller unit."""
    units = []
    left = total
    while left >= min(sizes):
        size = rng.choice([s for s in sizes if s <= left])
        units.append(size)
        left -= size
    if left >= 20:
        units.append(round(left))
    return units


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data", "china")
    rng = random.Random(SEED)
    rows = read(data, "provinces.csv")
    codes = [r["code"] for r in rows]
    provinces = {r["code"]: r for r in rows}
    demand_rows = read(data, "provincial-hourly-demand-2018-mw.csv")
    peaks = {p: max(float(r[p]) for r in demand_rows) * DEMAND_GROWTH for p in codes}
    uhv = {frozenset((r["from_code"], r["to_code"])): r for r in read(data, "uhv-lines.csv")}
    hubs = read(data, "computing-hubs.csv")

    with open(os.path.join("scenarios", HYDRO_FILE), "w", newline="", encoding="utf-8") as f:
        f.write("hour,hydro\n")
        for h, v in enumerate(hydro_season(), start=1):
            f.write(f"{h},{v}\n")

    out = []
    w = out.append
    w("# China, all 31 provinces of the mainland at unit level, one year at hourly steps (8,760).")
    w("# Generated by scripts/china/build_china_national_year.py from GridActors' shared China data; edit the script, not this file.")
    w("#")
    w("# Sources (see the data folder's README for details):")
    w("# - demand shapes: 2018 hourly provincial demand (PyPSA-China-PIK, NDRC data, Zenodo 10.5281/zenodo.8322210),")
    w(f"#   shipped only as per-unit of each province's annual peak in {SHAPES_FILE}; the whole year from 1 January,")
    w(f"#   peaks scaled by 2018->2023 consumption growth x{DEMAND_GROWTH:.3f} (CEC).")
    w("# - capacities: installed capacity end-2023 by province and type (CEIC via CREA energyandcleanair/china_co2);")
    w("#   gas 2020 (PyPSA-China / China gas power report); coal = thermal - gas; nuclear as in provinces.csv.")
    w("# - wind and solar capacity factors: utilisation hours / 8760 (CEIC via CREA), 0.22 / 0.13 where not published.")
    w("# - transfer limits: PyPSA-China-PIK edges_current.csv (56 corridors); UHV lines from uhv-lines.csv, those not in")
    w("#   the corridor list added (in service by 2026), with losses of 1 % + 1.5 % per 1,000 km; other corridors 2 %.")
    w("# - data-center clusters: the 10 national clusters of East-Data-West-Compute (NDRC 2022) with their PUE targets.")
    w("# - coal fuel cost: 250 (western mine mouth) to 450 CNY/MWh at 300 gce/kWh, from Q5500 and lignite prices.")
    w("# Assumptions (not from the data), drawn with a fixed seed so that the file is reproducible:")
    w("# - coal units of 1,000 / 660 / 600 / 350 (CHP) / 300 MW in shares 25/25/20/15/15 % of each province's coal,")
    w("#   heat rates 276-318 gce/kWh +-2 % per unit (cost and CO2 follow), floors 35-45 %, ramps 50-60 % per hour;")
    w("# - gas: 460 MW combined-cycle units (70 %) and 180 MW peakers; nuclear units of 1,090 MW, 80 % must-run;")
    w("# - hydro: 15 % of the hydro capacity in the North, Northeast, East and Central grids and Guangdong is pumped")
    w("#   storage (6 h, 75 % round trip); the rest a third run-of-river, two thirds reservoir stations, both following")
    w(f"#   a seasonal availability ({HYDRO_FILE}, mean 0.40, dry winter, summer flood season);")
    w(f"# - wind and solar farms of 20-300 MW, {WIND_ZONES} wind and {SOLAR_ZONES} solar weather zones per province;")
    w(f"# - {BATTERY_GW} GW of 2 h batteries spread in proportion to wind and solar capacity;")
    w("# - industrial enterprises per province and sector (shares of the provincial peak, 300-900 MW each),")
    w("#   the rest of the demand following the provincial shape; data-center sizes as in china-east-data-west-compute.")
    # 2024-01-01 is a Monday, as 1 January 2018 of the demand shapes.
    write_head(w, "china-national-year", "All 31 provinces of mainland China at unit level, one year hourly, 2023 capacities.",
               "2024-01-01T00:00:00+08:00", STEPS)
    w("regions:")
    for p in codes:
        row = provinces[p]
        w(f"  - {{ id: {p}, name: {row['name_en']}, latitude: {row['capital_lat']}, longitude: {row['capital_lon']} }}")
    w("links:")
    corridors = read(data, "interprovincial-transfer-capacity-mw.csv")
    seen = set()
    for r in corridors:
        pair = frozenset((r["from"], r["to"]))
        seen.add(pair)
        line = uhv.get(pair)
        loss = 0.01 + 0.015 * float(line["length_km"]) / 1000 if line and line["length_km"] else 0.02
        note = f"  # includes {line['line']} ({line['type']})" if line else ""
        w(f"  - {{ id: {r['from']}-{r['to']}, from: {r['from']}, to: {r['to']}, capacity_mw: {r['capacity_mw']}, loss_fraction: {loss:.4f} }}{note}")
    for pair, line in uhv.items():
        if pair not in seen:
            loss = 0.01 + 0.015 * float(line["length_km"]) / 1000 if line["length_km"] else 0.04
            w(f"  - {{ id: {line['from_code']}-{line['to_code']}-uhv, from: {line['from_code']}, to: {line['to_code']}, "
              f"capacity_mw: {float(line['capacity_gw']) * 1000:.0f}, loss_fraction: {loss:.4f} }}  # {line['line']} ({line['type']})")
    w("profiles:")
    w("  industrial: { values: [0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.97, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.98, 0.97, 0.96, 0.95] }")
    w("  interactive_day: { values: [0.72, 0.68, 0.66, 0.65, 0.66, 0.7, 0.78, 0.86, 0.92, 0.95, 0.97, 0.98, 0.97, 0.96, 0.96, 0.97, 0.98, 1, 1, 0.99, 0.96, 0.9, 0.83, 0.77] }")
    w("  batch_arrivals: { values: [0.5, 0.45, 0.42, 0.4, 0.42, 0.5, 0.7, 0.95, 1.2, 1.35, 1.4, 1.4, 1.3, 1.35, 1.4, 1.4, 1.35, 1.25, 1.1, 1, 0.9, 0.8, 0.7, 0.6] }")
    w(f"  hydro_season: {{ csv: {HYDRO_FILE}, column: hydro }}")
    for p in codes:
        row = provinces[p]
        lat, lon = float(row["capital_lat"]), float(row["capital_lon"])
        w(f"  demand_{p}: {{ csv: {SHAPES_FILE}, column: {p} }}")
        wind_cf = float(row["wind_capacity_factor_2023"] or 0.22)
        solar_cf = float(row["solar_capacity_factor_2020"] or 0.13)
        for z in range(WIND_ZONES):
            w(f"  wind_{p}_{z + 1}: {{ synthetic: wind, capacity_factor: {wind_cf} }}")
        for z in range(SOLAR_ZONES):
            # Zones a degree or so around the capital: the sun's path differs a little, the clouds are drawn apart.
            dlat, dlon = [(0.8, -1.0), (-0.8, 1.0), (0.8, 1.0), (-0.8, -1.0)][z % 4]
            w(f"  solar_{p}_{z + 1}: {{ synthetic: solar, latitude: {lat + dlat:.2f}, longitude: {lon + dlon:.2f}, capacity_factor: {solar_cf} }}")

    renewables_gw = {p: float(provinces[p]["wind_gw_2023"] or 0) + float(provinces[p]["solar_gw_2023"] or 0) for p in codes}
    national_renewables = sum(renewables_gw.values())
    counts = {}
    enterprises = []
    w("assets:")
    for p in codes:
        row = provinces[p]
        gw = lambda key: float(row[key] or 0)
        peak = peaks[p]
        w(f"  # {row['name_en']} ({row['grid_region']} grid): peak demand {peak:,.0f} MW")
        emit = lambda kind, text: (counts.__setitem__(kind, counts.get(kind, 0) + 1), w(text))

        coal = (gw("thermal_gw_2023") - gw("gas_gw_2020")) * 1000
        fuel = COAL_FUEL_COST[p]
        n = 0
        offers = set()
        for size, share, heat_rate, floor, ramp in COAL_CLASSES:
            for cap in split(coal * share, [size], rng):
                n += 1
                rate = heat_rate * (1 + rng.uniform(-0.02, 0.02))
                cost = round(fuel * rate / 300, 2)
                while cost in offers:  # no two units of a province offer at the same price
                    cost = round(cost + 0.01, 2)
                offers.add(cost)
                emit("coal", f"  - {{ id: {p}-coal-{n}, type: thermal, region: {p}, fuel: coal, capacity_mw: {cap}, min_output_mw: {cap * floor:.0f}, "
                     f"ramp_mw_per_h: {cap * ramp:.0f}, marginal_cost_per_mwh: {cost:.2f}, emissions_t_per_mwh: {rate * CO2_PER_GCE:.3f} }}")
        gas = gw("gas_gw_2020") * 1000
        n = 0
        for cap, cost, ef in [(c, 520, 0.37) for c in split(gas * 0.7, [460], rng)] + [(c, 700, 0.55) for c in split(gas * 0.3, [180], rng)]:
            n += 1
            emit("gas", f"  - {{ id: {p}-gas-{n}, type: thermal, region: {p}, fuel: gas, capacity_mw: {cap}, "
                 f"marginal_cost_per_mwh: {cost * (1 + rng.uniform(-0.03, 0.03)):.2f}, emissions_t_per_mwh: {ef} }}")
        for i, cap in enumerate(split(gw("nuclear_gw") * 1000, [1090], rng), start=1):
            emit("nuclear", f"  - {{ id: {p}-nuclear-{i}, type: thermal, region: {p}, fuel: nuclear, capacity_mw: {cap}, min_output_mw: {cap * 0.8:.0f}, "
                 f"ramp_mw_per_h: {cap * 0.1:.0f}, marginal_cost_per_mwh: {90 + rng.uniform(-5, 5):.2f} }}")
        hydro = gw("hydro_gw_2023") * 1000
        pumped = 0.15 * hydro if row["grid_region"] in PUMPED_STORAGE_GRIDS or p in PUMPED_STORAGE_EXTRA else 0
        for i, cap in enumerate(split(pumped, [1200], rng), start=1):
            emit("pumped", f"  - {{ id: {p}-pumped-{i}, type: storage, region: {p}, technology: pumped_hydro, power_mw: {cap}, energy_mwh: {cap * 6}, "
                 f"charge_efficiency: 0.866, discharge_efficiency: 0.866, cost_per_mwh: {2 + rng.uniform(0, 1):.2f} }}")
        conventional = hydro - pumped
        station_sizes = [1500, 2000, 3000] if conventional > 30000 else [300, 600, 1200]
        for i, cap in enumerate(split(conventional * 2 / 3, station_sizes, rng), start=1):
            emit("reservoir", f"  - {{ id: {p}-hydro-{i}, type: thermal, region: {p}, fuel: hydro, capacity_mw: {cap}, "
                 f"marginal_cost_per_mwh: {30 + rng.uniform(-5, 10):.2f}, availability: hydro_season }}")
        for i, cap in enumerate(split(conventional / 3, [100, 200, 400], rng), start=1):
            emit("river", f"  - {{ id: {p}-river-{i}, type: run_of_river, region: {p}, capacity_mw: {cap}, profile: hydro_season }}")
        for i, cap in enumerate(split(gw("wind_gw_2023") * 1000, [50, 100, 150, 200, 300], rng), start=1):
            emit("wind", f"  - {{ id: {p}-wind-{i}, type: wind, region: {p}, capacity_mw: {cap}, profile: wind_{p}_{i % WIND_ZONES + 1} }}")
        for i, cap in enumerate(split(gw("solar_gw_2023") * 1000, [20, 50, 100, 200], rng), start=1):
            emit("solar", f"  - {{ id: {p}-solar-{i}, type: solar, region: {p}, capacity_mw: {cap}, profile: solar_{p}_{i % SOLAR_ZONES + 1} }}")
        battery = BATTERY_GW * 1000 * renewables_gw[p] / national_renewables
        for i, cap in enumerate(split(battery, [100, 200], rng), start=1):
            emit("battery", f"  - {{ id: {p}-battery-{i}, type: storage, region: {p}, power_mw: {cap}, energy_mwh: {cap * 2}, "
                 f"charge_efficiency: 0.95, discharge_efficiency: 0.95, cost_per_mwh: {15 + rng.uniform(0, 10):.2f} }}")

        enterprise_total = 0
        for sector, share in PROVINCE_SECTORS[p]:
            curt, cost, shift, window = SECTORS[sector]
            for i, mw in enumerate(split(peak * share, [300, 600, 900], rng), start=1):
                enterprise_total += mw
                enterprises.append((f"{p}-{sector}-{i}", f"{row['name_en']} {sector} {i}", sector))
                fields = f"id: {p}-{sector}-{i}, type: load, region: {p}, sector: {sector}, owner: {p}-{sector}-{i}, peak_mw: {mw}, profile: industrial"
                if curt > 0:
                    fields += f", curtailable_fraction: {curt}, curtailment_cost_per_mwh: {cost * (1 + rng.uniform(-0.05, 0.05)):.0f}"
                if shift > 0:
                    fields += f", shiftable_fraction: {shift}, shift_window_h: {window}"
                emit("enterprise", f"  - {{ {fields} }}")
        emit("demand", f"  - {{ id: {p}-other-demand, type: load, region: {p}, sector: other, peak_mw: {peak - enterprise_total:.0f}, profile: demand_{p} }}")

    # The 10 data-center clusters (computing-hubs.csv), sized as in china-east-data-west-compute.
    sizes = {"Zhangjiakou": (2700, 1350), "YRD Eco-Green Integration Demonstration Zone": (3900, 2100), "Wuhu": (1500, 700),
             "Shaoguan": (3000, 1500), "Tianfu": (1350, 600), "Chongqing": (1350, 600), "Horinger": (3500, 450),
             "Gui'an": (3500, 450), "Qingyang": (3000, 300), "Zhongwei": (3000, 300)}
    w("  # The 10 national data-center clusters of East-Data-West-Compute (the YRD cluster spans SH, JS and ZJ; placed in SH)")
    campus = {}
    for hub in hubs:
        name = hub["cluster_en"]
        ident = "DC-" + ("YRD-Green" if name.startswith("YRD") else name.replace("'", ""))
        campus[name] = ident
        it, interactive = sizes[name]
        emit("datacenter", f"  - {{ id: {ident}, type: datacenter, region: {hub['province_codes'].split(';')[0]}, hub: {hub['hub_en']}, "
             f"it_capacity_mw: {it}, pue: {hub['pue_target']}, interactive_it_mw: {interactive}, interactive_profile: interactive_day }}")
    w("compute:")
    w("  links:")
    for a, b, latency, gbps in [("Zhangjiakou", "Horinger", 10, 3200), ("Zhangjiakou", "Zhongwei", 25, 1600), ("Zhangjiakou", "Qingyang", 25, 1600),
                                ("YRD Eco-Green Integration Demonstration Zone", "Gui'an", 30, 3200), ("YRD Eco-Green Integration Demonstration Zone", "Zhongwei", 35, 1600),
                                ("YRD Eco-Green Integration Demonstration Zone", "Qingyang", 32, 1600), ("YRD Eco-Green Integration Demonstration Zone", "Horinger", 35, 1600),
                                ("Wuhu", "Gui'an", 28, 1600), ("Wuhu", "Qingyang", 30, 1600), ("Shaoguan", "Gui'an", 20, 3200),
                                ("Tianfu", "Gui'an", 15, 1600), ("Tianfu", "Qingyang", 20, 1600), ("Chongqing", "Gui'an", 12, 1600), ("Chongqing", "Zhongwei", 25, 1600)]:
        w(f"    - {{ from: {campus[a]}, to: {campus[b]}, latency_ms: {latency}, bandwidth_gbps: {gbps}, cost_per_tb: 20 }}")
    w("  workloads:")
    for ident, origin, mwh in [("jjj-batch", "Zhangjiakou", 900), ("yrd-batch", "YRD Eco-Green Integration Demonstration Zone", 1300), ("wuhu-batch", "Wuhu", 500),
                               ("gba-batch", "Shaoguan", 1000), ("tianfu-batch", "Tianfu", 450), ("cq-batch", "Chongqing", 450)]:
        w(f"    - {{ id: {ident}, origin: {campus[origin]}, energy_mwh_per_h: {mwh}, profile: batch_arrivals, deadline_h: 24, max_latency_ms: 40, "
          "data_tb_per_mwh: 0.3, sla_penalty_per_mwh: 3000 }")

    write_enterprises(w, enterprises)

    with open("scenarios/china-national-year.yaml", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{sum(counts.values())} assets: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
