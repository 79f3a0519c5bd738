package dev.mentorship.runtime.paging;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTest {

    private static final URI REQUEST = URI.create("http://127.0.0.1:8081/tracks/t-1/registrations?q=ada%20l&page=1&size=20");

    @Test
    void aMiddlePageLinksToAllFourNeighboursAndKeepsTheFilters() {
        List<String> links = PageLinks.links(REQUEST, new Page<>(List.of("x"), 1, 20, 65));

        assertThat(links).containsExactly(
                "</tracks/t-1/registrations?q=ada%20l&page=0&size=20>; rel=\"first\"",
                "</tracks/t-1/registrations?q=ada%20l&page=0&size=20>; rel=\"prev\"",
                "</tracks/t-1/registrations?q=ada%20l&page=2&size=20>; rel=\"next\"",
                "</tracks/t-1/registrations?q=ada%20l&page=3&size=20>; rel=\"last\"");
    }

    @Test
    void theOnlyPageHasNeitherPrevNorNext() {
        assertThat(PageLinks.links(URI.create("/me/pairings"), new Page<>(List.of(), 0, 20, 0)))
                .containsExactly("</me/pairings?page=0&size=20>; rel=\"first\"", "</me/pairings?page=0&size=20>; rel=\"last\"");
    }

    @Test
    void aPageBeyondTheEndLinksBackToTheLastOne() {
        assertThat(PageLinks.links(URI.create("/deliveries?page=9&size=10"), new Page<>(List.of(), 9, 10, 25)))
                .contains("</deliveries?page=2&size=10>; rel=\"prev\"", "</deliveries?page=2&size=10>; rel=\"last\"")
                .noneMatch(link -> link.contains("rel=\"next\""));
    }
}
