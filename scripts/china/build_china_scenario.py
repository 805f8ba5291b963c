#!/usr/bin/env python3
"""Builds scenarios/china-provinces-week.yaml and the normalised demand shapes of all 31 provinces
(also used by china-national-year) from the public facts in GridActors' shared China data folder
(../shared/data/china beside the checkout).

Only derived data is written: each province's 2018 hourly demand divided by its annual peak
(per unit), never the raw MW series. Run from the repository root:

    python3 scripts/china/build_china_scenario.py [path/to/shared/data/china]
"""
import csv
import os
import sys

PROVINCES = ["NM", "GS", "NX", "GZ", "BJ", "TJ", "HE", "SH", "JS", "ZJ", "AH", "GD", "SC", "CQ"]
# National consumption 2018 -> 2023 (China Electricity Council: 6,846 -> 9,224 TWh): the 2018
# shapes are scaled by this growth so that demand matches the 2023 capacities.
DEMAND_GROWTH = 9224 / 6846
# The per-unit demand shapes, relative to scenarios/.
SHAPES_FILE = "data/china-demand-shapes-2018.csv"
# The per-unit demand shapes, relative to scenarios/.
SHAPES_FILE = "data/china-demand-shapes-2018.csv"
# Monday 16 July 2018 (day 197 of the year) -> a summer week; the scenario starts on the same weekday in 2024.
WEEK_OFFSET_HOURS = 196 * 24
# Coal fuel cost from the data README: ~270 CNY/MWh at western mine mouths to ~420 in the east.
COAL_FUEL_COST = {"NM": 270, "NX": 270, "GS": 280, "GZ": 310, "SC": 330, "CQ": 330, "BJ": 370, "TJ": 370,
                  "HE": 360, "SH": 420, "JS": 400, "ZJ": 415, "AH": 385, "GD": 420}
# Industrial enterprises per province: (sector, share of provincial peak, curtailable, curtailment cost, shiftable, window h)
ENTERPRISES = {
    "NM": [("aluminium", 0.06, 0.10, 1200, 0.0, 0), ("steel", 0.04, 0.05, 2000, 0.10, 4)],
    "GS": [("aluminium", 0.07, 0.10, 1200, 0.0, 0), ("steel", 0.03, 0.05, 2000, 0.10, 4)],
    "NX": [("aluminium", 0.08, 0.10, 1200, 0.0, 0), ("petrochemical", 0.05, 0.0, 0, 0.05, 4)],
    "GZ": [("aluminium", 0.05, 0.10, 1200, 0.0, 0)],
    "BJ": [("commercial", 0.05, 0.0, 0, 0.10, 3)],
    "TJ": [("steel", 0.05, 0.05, 2000, 0.10, 4), ("petrochemical", 0.04, 0.0, 0, 0.05, 4)],
    "HE": [("steel", 0.08, 0.05, 2000, 0.10, 4), ("cement", 0.03, 0.10, 800, 0.20, 6)],
    "SH": [("steel", 0.04, 0.05, 2000, 0.10, 4), ("petrochemical", 0.04, 0.0, 0, 0.05, 4)],
    "JS": [("steel", 0.04, 0.05, 2000, 0.10, 4), ("petrochemical", 0.03, 0.0, 0, 0.05, 4), ("appliances", 0.03, 0.05, 1500, 0.15, 6)],
    "ZJ": [("petrochemical", 0.03, 0.0, 0, 0.05, 4), ("appliances", 0.04, 0.05, 1500, 0.15, 6)],
    "AH": [("cement", 0.04, 0.10, 800, 0.20, 6), ("appliances", 0.03, 0.05, 1500, 0.15, 6)],
    "GD": [("appliances", 0.05, 0.05, 1500, 0.15, 6), ("petrochemical", 0.03, 0.0, 0, 0.05, 4)],
    "SC": [("steel", 0.03, 0.05, 2000, 0.10, 4), ("aluminium", 0.02, 0.10, 1200, 0.0, 0)],
    "CQ": [("aluminium", 0.03, 0.10, 1200, 0.0, 0), ("appliances", 0.03, 0.05, 1500, 0.15, 6)],
}
WEST = {"NM", "GS", "NX", "GZ"}

# Value added per MWh of electricity, by sector (CNY/MWh), for the enterprises' carbon-efficiency grades (docs/carbon.md).
# China's statistics publish no value added per industry each year, so each figure is a sector group's value added over
# the electricity it used; every enterprise of a sector gets its group's figure.
# - Raw materials (steel, aluminium, cement, petrochemical): 10.7 trillion CNY of value added in 2021 (MIIT press
#   conference on the raw-materials industry, 2 September 2022: steel, non-ferrous metals, petrochemicals and chemicals,
#   building materials) over the electricity of the four energy-intensive industries in 2021: 2,301.9 TWh in 2022
#   (China Electricity Council: chemicals 546.1, building materials 401.7, ferrous 609.0, non-ferrous 745.2) less the
#   0.3 % they grew in 2022. Oil refining's electricity is not among the four, so the figure is a few % high.
RAW_MATERIALS = 10.7e12 / (2301.9e6 / 1.003)
# - Appliances (equipment manufacturing): 31.8 % of industrial value added in 2022 (MIIT, of industry above designated
#   size, applied here to all industry's 40.1644 trillion CNY, NBS 2022 statistical communique) over the electricity of
#   manufacturing that is neither energy-intensive, consumer goods nor other (CEC 2022: 4,241.4 - 2,301.9 - 550.1
#   - 473.4 TWh, high-tech and equipment manufacturing).
EQUIPMENT = 0.318 * 40.1644e12 / ((42414 - 23019 - 5501 - 4734) * 1e5)
# - Commercial: the tertiary sector's value added in 2022, 63.8698 trillion CNY (NBS 2022 statistical communique), over
#   its electricity, 1,485.9 TWh (National Energy Administration, 2022).
TERTIARY = 63.8698e12 / 1485.9e6
VALUE_ADDED_PER_MWH = {"steel": RAW_MATERIALS, "aluminium": RAW_MATERIALS, "cement": RAW_MATERIALS,
                       "petrochemical": RAW_MATERIALS, "appliances": EQUIPMENT, "commercial": TERTIARY}


def write_enterprises(w, enterprises):
    """The enterprises section: (id, display name, sector) of each industrial load, which names itself as its owner."""
    w("# Enterprises: each industrial load is an enterprise (its own owner), with its sector's value added per MWh")
    w("# (scripts/china/build_china_scenario.py gives the derivation and the public statistics it uses).")
    w("enterprises:")
    for ident, name, sector in enterprises:
        w(f"  - {{ id: {ident}, name: {name}, value_added_per_mwh: {VALUE_ADDED_PER_MWH[sector]:.0f} }}")


def write_head(w, name, description, start, steps):
    """The scenario's identity, horizon and economics, shared by the China scenarios."""
    w("format: 1")
    w(f"name: {name}")
    w(f"description: {description}")
    w("seed: 2024")
    w("horizon:")
    w(f"  start: {start}")
    w(f"  steps: {steps}")
    w("  step_minutes: 60")
    w("economics:")
    w("  currency: CNY")
    w("  carbon_price_per_t: 60        # national ETS, about 60-100 CNY/t in 2023-2024")
    w("  value_of_lost_load_per_mwh: 30000")
    w("  cyclic_storage: true")


def read(data, name):
    with open(os.path.join(data, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data", "china")
    provinces = {row["code"]: row for row in read(data, "provinces.csv")}
    demand_rows = read(data, "provincial-hourly-demand-2018-mw.csv")
    every = [c for c in demand_rows[0] if c != "Time Series"]
    peaks = {p: max(float(r[p]) for r in demand_rows) for p in every}

    os.makedirs("scenarios/data", exist_ok=True)
    with open(os.path.join("scenarios", SHAPES_FILE), "w", newline="", encoding="utf-8") as f:
        f.write("hour," + ",".join(every) + "\n")
        for r in demand_rows:
            f.write(r["Time Series"] + "," + ",".join(f"{float(r[p]) / peaks[p]:.4f}" for p in every) + "\n")

    transfers = read(data, "interprovincial-transfer-capacity-mw.csv")
    links = [r for r in transfers if r["from"] in PROVINCES and r["to"] in PROVINCES]
    outside = {}
    for r in transfers:
        a, b = r["from"], r["to"]
        if (a in PROVINCES) != (b in PROVINCES):
            inside = a if a in PROVINCES else b
            outside[inside] = outside.get(inside, 0) + float(r["capacity_mw"])

    out = []
    w = out.append
    w("# China, 14 provinces of the East-Data-West-Compute hubs, one summer week at hourly steps.")
    w("# Generated by scripts/china/build_china_scenario.py from GridActors' shared China data; edit the script, not this file.")
    w("#")
    w("# Sources (see the data folder's README for details):")
    w("# - demand shapes: 2018 hourly provincial demand (PyPSA-China-PIK, NDRC data, Zenodo 10.5281/zenodo.8322210),")
    w("#   shipped only as per-unit of each province's annual peak in data/china-demand-shapes-2018.csv;")
    w(f"#   the week is 16-22 July 2018 (rows {WEEK_OFFSET_HOURS + 1}-{WEEK_OFFSET_HOURS + 168}), peaks scaled by 2018->2023 consumption growth x{DEMAND_GROWTH:.3f} (CEC).")
    w("# - capacities: installed capacity end-2023 by province and type (CEIC via CREA energyandcleanair/china_co2);")
    w("#   gas 2020 (PyPSA-China / China gas power report); coal = thermal - gas.")
    w("# - wind and solar capacity factors: utilisation hours / 8760 (CEIC via CREA), 0.22 / 0.13 where not published.")
    w("# - transfer limits: PyPSA-China-PIK edges_current.csv, the pairs inside these 14 provinces.")
    w("# - emission factors: typical by technology (coal 0.82-0.95, gas CCGT 0.37-0.40 t/MWh);")
    w("#   power bought from provinces outside the model uses the MEE 2022 grid-region average factor.")
    w("# - coal fuel cost: 270 (western mine mouth) to 420 CNY/MWh (east), from Q5500 and lignite prices.")
    w("# Assumptions (not from the data): coal split into efficient 45% / standard 35% / old 20% units with")
    w("# 30% must-run floors and 40%/h ramps; hydro half run-of-river, half reservoir; nuclear 80% must-run;")
    w("# batteries of 10% of wind+solar power with 2 h in the western provinces; enterprise loads as listed.")
    write_head(w, "china-provinces-week", "14 Chinese provinces (the computing-hub provinces), one summer week hourly, 2023 capacities.",
               "2024-07-15T00:00:00+08:00", 168)
    w("regions:")
    for p in PROVINCES:
        row = provinces[p]
        w(f"  - {{ id: {p}, name: {row['name_en']}, latitude: {row['capital_lat']}, longitude: {row['capital_lon']} }}")
    w("links:")
    for r in links:
        w(f"  - {{ id: {r['from']}-{r['to']}, from: {r['from']}, to: {r['to']}, capacity_mw: {r['capacity_mw']}, loss_fraction: 0.02 }}")
    w("profiles:")
    w("  flat: { values: [1] }")
    w("  industrial: { values: [0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.97, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.98, 0.97, 0.96, 0.95] }")
    w("  hydro_summer: { values: [0.55] }")
    for p in PROVINCES:
        row = provinces[p]
        w(f"  demand_{p}: {{ csv: {SHAPES_FILE}, column: {p}, offset: {WEEK_OFFSET_HOURS} }}")
        wind_cf = float(row["wind_capacity_factor_2023"] or 0.22)
        solar_cf = float(row["solar_capacity_factor_2020"] or 0.13)
        w(f"  wind_{p}: {{ synthetic: wind, capacity_factor: {wind_cf} }}")
        w(f"  solar_{p}: {{ synthetic: solar, latitude: {row['capital_lat']}, longitude: {row['capital_lon']}, capacity_factor: {solar_cf} }}")
    w("assets:")
    enterprises = []
    for p in PROVINCES:
        row = provinces[p]
        gw = lambda key: float(row[key] or 0)
        peak = peaks[p] * DEMAND_GROWTH
        w(f"  # {row['name_en']} ({row['grid_region']} grid): peak demand {peak:,.0f} MW")
        coal = (gw("thermal_gw_2023") - gw("gas_gw_2020")) * 1000
        fuel = COAL_FUEL_COST[p]
        for name, share, extra, ef in (("efficient", 0.45, 0.0, 0.82), ("standard", 0.35, 0.08, 0.88), ("old", 0.20, 0.18, 0.95)):
            cap = coal * share
            if cap > 0:
                w(f"  - {{ id: {p}-coal-{name}, type: thermal, region: {p}, fuel: coal, capacity_mw: {cap:.0f}, min_output_mw: {cap * 0.3:.0f}, "
                  f"ramp_mw_per_h: {cap * 0.4:.0f}, marginal_cost_per_mwh: {fuel * (1 + extra):.0f}, emissions_t_per_mwh: {ef} }}")
        if gw("gas_gw_2020") > 0:
            w(f"  - {{ id: {p}-gas, type: thermal, region: {p}, fuel: gas, capacity_mw: {gw('gas_gw_2020') * 1000:.0f}, marginal_cost_per_mwh: 550, emissions_t_per_mwh: 0.39 }}")
        if gw("nuclear_gw") > 0:
            cap = gw("nuclear_gw") * 1000
            w(f"  - {{ id: {p}-nuclear, type: thermal, region: {p}, fuel: nuclear, capacity_mw: {cap:.0f}, min_output_mw: {cap * 0.8:.0f}, ramp_mw_per_h: {cap * 0.1:.0f}, marginal_cost_per_mwh: 90 }}")
        if gw("hydro_gw_2023") > 0:
            cap = gw("hydro_gw_2023") * 1000
            w(f"  - {{ id: {p}-hydro-river, type: run_of_river, region: {p}, capacity_mw: {cap / 2:.0f}, profile: hydro_summer }}")
            w(f"  - {{ id: {p}-hydro-reservoir, type: thermal, region: {p}, fuel: hydro, capacity_mw: {cap / 2:.0f}, marginal_cost_per_mwh: 30, availability: hydro_summer }}")
        if gw("wind_gw_2023") > 0:
            w(f"  - {{ id: {p}-wind, type: wind, region: {p}, capacity_mw: {gw('wind_gw_2023') * 1000:.0f}, profile: wind_{p} }}")
        if gw("solar_gw_2023") > 0:
            w(f"  - {{ id: {p}-solar, type: solar, region: {p}, capacity_mw: {gw('solar_gw_2023') * 1000:.0f}, profile: solar_{p} }}")
        if p in WEST:
            power = 0.1 * (gw("wind_gw_2023") + gw("solar_gw_2023")) * 1000
            w(f"  - {{ id: {p}-battery, type: storage, region: {p}, power_mw: {power:.0f}, energy_mwh: {power * 2:.0f}, charge_efficiency: 0.95, discharge_efficiency: 0.95, cost_per_mwh: 20 }}")
        if p in outside:
            factor = float(row["grid_region_emission_factor_kg_per_kwh_2022"])
            w(f"  - {{ id: {p}-import-outside, type: thermal, region: {p}, fuel: other, capacity_mw: {outside[p]:.0f}, marginal_cost_per_mwh: 480, emissions_t_per_mwh: {factor} }}"
              f"  # contracts with provinces outside the model, up to their transfer limits")
        enterprise_total = 0
        for sector, share, curt, cost, shift, window in ENTERPRISES[p]:
            mw = peak * share
            enterprise_total += mw
            enterprises.append((f"{p}-{sector}", f"{row['name_en']} {sector}", sector))
            fields = f"id: {p}-{sector}, type: load, region: {p}, sector: {sector}, owner: {p}-{sector}, peak_mw: {mw:.0f}, profile: industrial"
            if curt > 0:
                fields += f", curtailable_fraction: {curt}, curtailment_cost_per_mwh: {cost}"
            if shift > 0:
                fields += f", shiftable_fraction: {shift}, shift_window_h: {window}"
            w(f"  - {{ {fields} }}")
        w(f"  - {{ id: {p}-other-demand, type: load, region: {p}, sector: other, peak_mw: {peak - enterprise_total:.0f}, profile: demand_{p} }}")

    write_enterprises(w, enterprises)

    with open("scenarios/china-provinces-week.yaml", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
