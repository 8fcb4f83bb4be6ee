#pragma once
// The reference's answer, kept where a candidate cannot find it while the
// candidate runs, and a marked decoy of it left where it can.
//
// A candidate shares the harness's process, so its launcher can search the
// process's memory for the answer the harness computed first (compute a few
// elements honestly, look for them, copy the rest). The truth is therefore
// stored sealed (every byte XOR-ed with a key) and compared element by
// element without ever being unsealed as a whole. A decoy, the truth
// with a few elements altered, stays in plain memory: a candidate whose
// output carries the decoy's marks copied it instead of computing.

#include <hipkb/core/correctness.hpp>
#include <hipkb/core/tensor.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hipkb {

// How many of an output's decoy marks a candidate's output reproduced.
struct decoy_match {
    std::size_t marks = 0;    // elements altered in the decoy
    std::size_t copied = 0;   // of those, elements the candidate's output equals bit for bit
    std::int64_t first = -1;  // flat index of the first copied mark

    // Every mark reproduced: an honest result cannot hit all of them (each
    // differs from the truth by a factor of about 4 or in a top mantissa bit).
    [[nodiscard]] bool copied_all() const { return marks > 0 && copied == marks; }
};

class sealed_answer {
public:
    explicit sealed_answer(std::vector<host_tensor> truth);
    sealed_answer(const sealed_answer&) = delete;
    sealed_answer& operator=(const sealed_answer&) = delete;
    sealed_answer(sealed_answer&&) = default;
    sealed_answer& operator=(sealed_answer&&) = default;
    ~sealed_answer() = default;

    [[nodiscard]] std::size_t size() const { return m_sealed.size(); }
    // Name, type and shape of output i; its bytes are the sealed ones.
    [[nodiscard]] const host_tensor& shape_of(std::size_t output) const { return m_sealed.at(output); }
    // `got` against output i of the truth.
    [[nodiscard]] comparison compare(std::size_t output, const host_tensor& got, const tolerance& tol) const;
    [[nodiscard]] decoy_match match_decoy(std::size_t output, const host_tensor& got) const;

    // Positions of the marks in an output of `count` elements: away from the
    // first and last elements, which a searching candidate computes to
    // recognise the answer.
    [[nodiscard]] static std::vector<std::int64_t> mark_positions(std::int64_t count);

private:
    std::vector<host_tensor> m_sealed;
    std::vector<host_tensor> m_decoy;
};

}  // namespace hipkb
