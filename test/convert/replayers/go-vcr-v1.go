// Replays a converted cassette with Debian's go-vcr 1.x (recorder.ModeReplaying, GOPATH mode): posts
// the given request bodies in order, then a request the cassette does not hold. Prints JSON.
// args: cassette.yaml url; stdin: JSON list of request bodies.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/ioutil"
	"net/http"
	"os"
	"strings"

	"github.com/dnaeon/go-vcr/cassette"
	"github.com/dnaeon/go-vcr/recorder"
)

func main() {
	var input []string
	stdin, _ := ioutil.ReadAll(os.Stdin)
	if err := json.Unmarshal(stdin, &input); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r, err := recorder.NewAsMode(strings.TrimSuffix(os.Args[1], ".yaml"), recorder.ModeReplaying, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer r.Stop()
	client := &http.Client{Transport: r}
	bodies := []string{}
	for _, body := range input {
		resp, err := client.Post(os.Args[2], "application/json", strings.NewReader(body))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		b, _ := ioutil.ReadAll(resp.Body)
		resp.Body.Close()
		bodies = append(bodies, base64.StdEncoding.EncodeToString(b))
	}
	_, err = client.Get("https://api.openai.com/v1/models")
	refused := err != nil && strings.Contains(err.Error(), cassette.ErrInteractionNotFound.Error())
	out, _ := json.Marshal(map[string]interface{}{"bodies": bodies, "refused": refused})
	fmt.Println(string(out))
}
