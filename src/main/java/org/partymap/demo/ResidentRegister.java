package org.partymap.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.partymap.demo.District.Address;
import org.partymap.demo.District.Area;

/**
 * The demo's resident register (居民信息登记表): fictitious families living at the district's
 * homes, each person with a name, sex, birth date, an ID number that cannot be real, a phone
 * number that cannot be real, the home address as someone typed it, the household registration
 * address, the kind of resident and care tags (空巢老人, 独居老人, 残疾人, 低保户, 留守儿童 …) on
 * a realistic share. About 3% of addresses cannot be geocoded at all (written outside the
 * district, or not an address). Ages are as of the source article, 1 April 2020.
 */
final class ResidentRegister {

    static final int YEAR = 2020;

    /** One row of the register, with the truth about where the person lives. */
    record Resident(String name, boolean male, int year, int month, int day, String idNumber, String phone,
                    AddressStyles.Written written, String registered, String kind, Set<String> care,
                    Address address, String room, Area community) {
    }

    private final District d;
    private final People people;
    private final AddressStyles styles;
    private final SplittableRandom rnd;
    private final List<String> outside;
    private final List<String> garbage;
    private final double ungeocodable;

    ResidentRegister(District d, DemoInputs inputs, People people, SplittableRandom rnd) {
        this.d = d;
        this.people = people;
        this.styles = new AddressStyles(inputs);
        this.rnd = rnd;
        this.outside = inputs.lines("outside_places.txt");
        this.garbage = inputs.lines("garbage.txt");
        this.ungeocodable = inputs.number("ungeocodable_share");
    }

    /** {@code count} residents, by community code and then by home. */
    List<Resident> generate(int count) {
        long slots = d.addresses.stream().mapToLong(a -> a.households).sum();
        double share = Math.min(1, 1.12 * count / 2.65 / slots);
        var out = new ArrayList<Resident>(count + 8);
        // visit the homes in a scattered order, so that the families left out when the count is
        // reached are spread over the whole district rather than all in its south
        int n = d.addresses.size();
        int stride = 7919;
        while (gcd(stride, n) != 1) {
            stride += 2;
        }
        for (int i = 0; i < n && out.size() < count; i++) {
            Address a = d.addresses.get((int) ((long) i * stride % n));
            for (int k = 0; k < a.households && out.size() < count; k++) {
                if (rnd.nextDouble() < share) {
                    family(a, room(a, k), out);
                }
            }
        }
        if (out.size() < count) {
            throw new IllegalStateException("only " + out.size() + " residents for " + count + ": too few homes");
        }
        var rows = new ArrayList<>(out.subList(0, count));
        rows.sort(Comparator.comparing((Resident r) -> r.community.code).thenComparingInt(r -> r.address.id));
        return rows;
    }

    /** The k-th home behind an address: a room 501 in an estate unit, none in a house. */
    private static String room(Address a, int k) {
        if (a.onRoad()) {
            return a.households > 1 && k > 0 ? Integer.toString(k + 1) + "01" : null;
        }
        int perFloor = Math.max(1, a.households / a.building.floors);
        int floor = Math.min(a.building.floors, k / perFloor + 1);
        return floor + String.format(Locale.ROOT, "%02d", k % perFloor + 1);
    }

    private void family(Address a, String room, List<Resident> out) {
        int size = pick(new double[] {0.17, 0.31, 0.28, 0.15, 0.09}) + 1;
        String kind = rnd.nextDouble() < 0.85 ? "户籍人口" : rnd.nextDouble() < 0.87 ? "流动人口" : "寄住人口";
        boolean poor = rnd.nextDouble() < 0.012;
        String surname = people.surname(rnd);
        var ages = new ArrayList<int[]>();
        double r = rnd.nextDouble();
        switch (size) {
            case 1 -> ages.add(new int[] {r < 0.62 ? between(65, 93) : between(22, 45), rnd.nextBoolean() ? 1 : 0});
            case 2 -> {
                if (r < 0.5) {
                    couple(ages, between(60, 88));
                } else if (r < 0.8) {
                    couple(ages, between(24, 45));
                } else {
                    int parent = between(30, 50);
                    ages.add(new int[] {parent, rnd.nextBoolean() ? 1 : 0});
                    ages.add(new int[] {Math.max(0, parent - between(22, 34)), rnd.nextBoolean() ? 1 : 0});
                }
            }
            case 3 -> {
                if (r < 0.1) {
                    couple(ages, between(58, 78));
                    ages.add(new int[] {between(3, 15), rnd.nextBoolean() ? 1 : 0});
                } else {
                    int parents = between(28, 50);
                    couple(ages, parents);
                    ages.add(new int[] {Math.max(0, parents - between(22, 34)), rnd.nextBoolean() ? 1 : 0});
                }
            }
            default -> {
                int parents = between(28, 48);
                couple(ages, parents);
                ages.add(new int[] {Math.max(0, parents - between(22, 32)), rnd.nextBoolean() ? 1 : 0});
                if (size == 5 || rnd.nextBoolean()) {
                    ages.add(new int[] {parents + between(24, 32), 1});
                    if (size == 5) {
                        ages.add(new int[] {parents + between(24, 30), 0});
                    }
                } else {
                    ages.add(new int[] {Math.max(0, parents - between(24, 36)), rnd.nextBoolean() ? 1 : 0});
                }
            }
        }
        boolean elderlyOnly = ages.stream().allMatch(x -> x[0] >= 60);
        boolean leftBehind = ages.stream().anyMatch(x -> x[0] < 16) && ages.stream().noneMatch(x -> x[0] >= 18 && x[0] < 58);
        for (int i = 0; i < ages.size(); i++) {
            int age = ages.get(i)[0];
            boolean male = ages.get(i)[1] == 1;
            // the husband and the children carry the family's surname
            boolean family = male || age < 25 || i > 1;
            var care = new LinkedHashSet<String>();
            if (elderlyOnly) {
                care.add("空巢老人");
            }
            if (ages.size() == 1 && age >= 65) {
                care.add("独居老人");
            }
            if (age >= 80) {
                care.add("高龄老人");
            }
            if (rnd.nextDouble() < (age >= 65 ? 0.045 : 0.018)) {
                care.add("残疾人");
            }
            if (poor) {
                care.add("低保户");
            }
            if (leftBehind && age < 16) {
                care.add("留守儿童");
            }
            if (male && age >= 40 && age <= 85 && rnd.nextDouble() < 0.04) {
                care.add("退役军人");
            }
            if (age >= 25 && age <= 55 && rnd.nextDouble() < 0.02) {
                care.add("失业人员");
            }
            out.add(person(a, room, surname, family, male, age, kind, care));
        }
    }

    private Resident person(Address a, String room, String surname, boolean family, boolean male, int age, String kind,
                            Set<String> care) {
        // born on one of the 365 days that make someone this age on 1 April 2020
        LocalDate born = LocalDate.of(YEAR - age - 1, 4, 2).plusDays(rnd.nextInt(365));
        int year = born.getYear();
        int month = born.getMonthValue();
        int day = born.getDayOfMonth();
        String name = (family ? surname : people.surname(rnd)) + people.given(rnd, male, year);
        String phone = age < 16 ? "" : age >= 70 && rnd.nextDouble() < 0.4 ? People.landline(rnd)
                : rnd.nextDouble() < 0.05 ? "" : People.mobile(rnd);
        Area community = a.block.community;
        var home = new AddressStyles.Home(a, room, community.parent.name, community.name);
        AddressStyles.Written written;
        if (rnd.nextDouble() < ungeocodable) {
            written = rnd.nextDouble() < 0.7
                    ? new AddressStyles.Written(outside.get(rnd.nextInt(outside.size())), "outside", "none")
                    : new AddressStyles.Written(garbage.get(rnd.nextInt(garbage.size())), "garbage", "none");
        } else {
            written = styles.write(home, rnd);
        }
        String registered = switch (kind) {
            case "户籍人口" -> AddressStyles.PREFIX + community.parent.name + community.name + a.full + (room == null ? "" : room + "室");
            case "流动人口" -> outside.get(rnd.nextInt(outside.size()));
            default -> AddressStyles.PREFIX + d.addresses.get(rnd.nextInt(d.addresses.size())).full;
        };
        return new Resident(name, male, year, month, day, People.idNumber(rnd, year, month, day, male), phone, written,
                registered, kind, care, a, room, community);
    }

    private void couple(List<int[]> ages, int husband) {
        ages.add(new int[] {husband, 1});
        ages.add(new int[] {Math.max(18, husband - between(-2, 5)), 0});
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private int between(int lo, int hi) {
        return rnd.nextInt(lo, hi + 1);
    }

    private int pick(double[] weights) {
        double r = rnd.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
